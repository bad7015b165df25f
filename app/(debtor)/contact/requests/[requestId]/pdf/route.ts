import { renderPersonDataPdf } from "@/server/modules/talk/person-data-pdf";
import { loadDataExport, notFound, pdfTexts } from "../load";

export const dynamic = "force-dynamic";

/** The data-access answer as PDF, for its owner only. */
export async function GET(_request: Request, { params }: { params: Promise<{ requestId: string }> }) {
  const data = await loadDataExport(params);
  if (!data) return notFound();
  const pdf = await renderPersonDataPdf(data, await pdfTexts());
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="registerutdrag-${data.generatedAt.slice(0, 10)}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
