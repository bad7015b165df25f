import { NextResponse } from "next/server";
import { getDbHandle } from "@/server/db";
import { isDemo } from "@/server/env";
import { dispatchOutboxNow } from "@/server/jobs";

export const dynamic = "force-dynamic";

/**
 * Demo mode only: every message that is due gets its job now, instead of at the next minute's
 * dispatch. The workers then send them as always (quiet hours, holds and limits still apply).
 */
export async function POST() {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const queued = await dispatchOutboxNow(await getDbHandle(), new Date());
  if (queued === null) return NextResponse.json({ error: "jobs are not running in this process" }, { status: 409 });
  return NextResponse.json({ queued });
}
