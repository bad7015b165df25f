import { loadDataExport, notFound } from "../load";

export const dynamic = "force-dynamic";

/** The data-access answer as JSON (machine-readable, the same data as the PDF), for its owner only. */
export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const data = await loadDataExport(params);
  if (!data) return notFound();
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="registerutdrag-${data.generatedAt.slice(0, 10)}.json"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
