import { z } from "zod";
import { exportInsightsCsv } from "../../../modules/insights/dashboard";
import { staffProcedure } from "../../trpc";
import { insightFilters } from "./insights-schemas";

/** The dashboard's tables as CSV, with the same filters; the download is audited. */
export const insightsExport = staffProcedure("insights:read")
  .input(insightFilters)
  .output(z.object({ csv: z.string(), rows: z.number().int() }))
  .query(({ ctx, input }) => exportInsightsCsv(ctx.db, { staffId: ctx.staffId, filters: input, now: ctx.now }));
