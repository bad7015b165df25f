import { z } from "zod";
import { listExperiments } from "../../../modules/insights/experiments";
import { staffProcedure } from "../../trpc";
import { experimentSchema } from "./insights-schemas";

/** Every experiment with its arms' paid-within-14-days shares and their difference. */
export const experimentsList = staffProcedure("insights:read")
  .output(z.array(experimentSchema))
  .query(({ ctx }) => listExperiments(ctx.db, { staffId: ctx.staffId }));
