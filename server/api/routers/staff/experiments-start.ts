import { z } from "zod";
import { startExperiment } from "../../../modules/insights/experiments";
import { staffProcedure } from "../../trpc";
import { experimentKind } from "./insights-schemas";

/** Starts an experiment: a creditor's new cases split between two settings of one policy field. */
export const experimentsStart = staffProcedure("experiments:manage")
  .input(z.object({ creditorId: z.string().uuid(), kind: experimentKind, armA: z.string().trim().min(1).max(20), armB: z.string().trim().min(1).max(20) }))
  .output(z.object({ experimentId: z.string().uuid() }))
  .mutation(({ ctx, input }) => startExperiment(ctx.db, { staffId: ctx.staffId, ...input, now: ctx.now }));
