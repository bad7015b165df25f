import { isDemo } from "@/server/env";
import { kivraSimulator } from "@/server/integrations/kivra/simulator";

export const dynamic = "force-dynamic";

/** A letter in the simulated Kivra mailbox, as its PDF. Demo mode only. */
export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const { key } = await params;
  const part = kivraSimulator().contents.find((c) => c.key === key)?.parts.find((p) => p.content_type === "application/pdf");
  if (!part) return new Response("Not found", { status: 404 });
  return new Response(Buffer.from(part.data, "base64"), { headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${key}.pdf"` } });
}
