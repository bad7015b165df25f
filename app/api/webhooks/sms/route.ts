import { getDb } from "@/server/db";
import { smsClient } from "@/server/modules/outreach/deps";
import { recordSmsReport } from "@/server/modules/outreach/reports";

export const dynamic = "force-dynamic";

/** 46elks delivery reports (form fields id, status, delivered): checked by reading the message back. */
export async function POST(request: Request) {
  const form = new URLSearchParams(await request.text());
  const id = form.get("id") ?? "";
  await recordSmsReport(await getDb(), smsClient(), id, new Date());
  return new Response(null, { status: 204 });
}
