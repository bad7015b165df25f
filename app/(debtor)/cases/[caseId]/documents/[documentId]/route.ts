import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { TRPCError } from "@trpc/server";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { getViewer } from "@/server/auth/viewer";
import { env } from "@/server/env";
import { renderLetterPdf } from "@/server/modules/documents/case-letter-pdf";

export const dynamic = "force-dynamic";

/** A letter of the signed-in debtor's case as PDF; anyone else's is simply not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ caseId: string; documentId: string }> }) {
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return new Response("Not found", { status: 404 });
  const { caseId, documentId } = await params;
  if (!z.string().uuid().safeParse(caseId).success) return new Response("Not found", { status: 404 });
  let c;
  try {
    c = await (await api()).debtor.cases.get({ caseId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw error;
  }
  const doc = c.documents.find((d) => d.id === documentId);
  if (!doc) return new Response("Not found", { status: 404 });
  const t = await getTranslations("letter");
  const d = await getTranslations("descriptions");
  const locale = (await getLocale()) as Locale;
  const fees = c.balance.fees.reduce((s, f) => s + f.amountOre, 0);
  const pdf = await renderLetterPdf(
    {
      title: `${t(doc.kind === "reminder" ? "reminder" : "collection_letter")} – ${c.caseNumber}`,
      intro: t("intro", { description: d(c.description), creditor: c.creditor.name, dueDate: longDate(c.originalDueDate, locale) }),
      rows: [
        [t("principal"), money(c.balance.principal.originalOre, locale)],
        [t("fees"), money(fees, locale)],
        [t("interest"), money(c.balance.interest.accruedOre, locale)],
        [t("left"), money(c.balance.leftOre, locale)],
        [t("payBy"), longDate(c.dueDate, locale)],
        [t("bankgiro"), env().KVITT_BANKGIRO],
        [t("ocr"), c.ocrReference],
      ],
      closing: t("closing"),
    },
    { caseNumber: c.caseNumber },
  );
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${doc.kind}-${c.caseNumber}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
