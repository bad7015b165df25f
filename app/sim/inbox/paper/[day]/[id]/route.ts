import { readFile } from "node:fs/promises";
import path from "node:path";
import { env, isDemo } from "@/server/env";

export const dynamic = "force-dynamic";

/** A letter from the day's print batch, as its PDF. Demo mode only. */
export async function GET(_request: Request, { params }: { params: Promise<{ day: string; id: string }> }) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const { day, id } = await params;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^[0-9a-f-]{36}$/.test(id)) return new Response("Not found", { status: 404 });
  const pdf = await readFile(path.join(env().KVITT_PRINT_DIR, day, `${id}.pdf`)).catch(() => null);
  if (!pdf) return new Response("Not found", { status: 404 });
  return new Response(pdf, { headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${id}.pdf"` } });
}
