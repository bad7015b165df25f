import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { jobsState } from "@/server/jobs";
import { isDraining } from "@/server/lifecycle";

export const dynamic = "force-dynamic";

/**
 * Readiness: may this instance take traffic? Yes when the database answers and the job worker runs
 * (or is switched off with KVITT_JOBS=0); no while it starts, after a failure, and from the moment
 * it is told to stop. `/api/health` stays the liveness check.
 */
export async function GET() {
  if (isDraining()) return Response.json({ status: "draining" }, { status: 503 });
  let database = "ok";
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
  } catch {
    database = "unavailable";
  }
  const { state: jobs } = process.env.KVITT_JOBS === "0" ? { state: "off" as const } : jobsState();
  const ready = database === "ok" && (jobs === "running" || jobs === "off");
  return Response.json({ status: ready ? "ready" : "not ready", database, jobs }, { status: ready ? 200 : 503 });
}
