import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: "ok" });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : "unknown";
    return Response.json({ status: "error", database: "unavailable", reason }, { status: 503 });
  }
}
