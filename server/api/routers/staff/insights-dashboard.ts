import { readDashboard } from "../../../modules/insights/dashboard";
import { staffProcedure } from "../../trpc";
import { dashboardSchema, insightFilters } from "./insights-schemas";

/** The insights dashboard's figures, read from the rollups (supervisors). */
export const insightsDashboard = staffProcedure("insights:read")
  .input(insightFilters)
  .output(dashboardSchema)
  .query(({ ctx, input }) => readDashboard(ctx.db, { staffId: ctx.staffId, filters: input, now: ctx.now }));
