import { z } from "zod";
import { stopExperiment } from "../../../modules/insights/experiments";
import { staffProcedure } from "../../trpc";
import { arm } from "./insights-schemas";

/** Stops an experiment; the chosen arm becomes the creditor's policy as a new version. */
export const experimentsStop = staffProcedure("experiments:manage")
  .input(z.object({ experimentId: z.string().uuid(), winner: arm }))
  .output(z.object({ experimentId: z.string().uuid(), policyVersion: z.number().int() }))
  .mutation(({ ctx, input }) => stopExperiment(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
