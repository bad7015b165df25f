import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server-caller";
import { insightFiltersOf } from "../filters";

/** The dashboard's tables as CSV, with the same filters; supervisors only (the procedure checks and audits). */
export async function GET(request: Request) {
  const q = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const { csv } = await (await api()).staff.insights.export(insightFiltersOf(q));
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="kvitt-insights-${new Date().toISOString().slice(0, 10)}.csv"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN")) return new Response("Forbidden", { status: 403 });
    throw error;
  }
}
