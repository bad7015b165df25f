import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { getViewer } from "@/server/auth/viewer";
import { renderLetterPdf } from "@/server/modules/documents/case-letter-pdf";

export const dynamic = "force-dynamic";

/** The receipt of one of the signed-in debtor's payments, as PDF; anyone else's is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const viewer = await getViewer();
  const notFound = () => new Response("Not found", { status: 404 });
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return notFound();
  const { paymentId } = await params;
  if (!z.string().uuid().safeParse(paymentId).success) return notFound();
  let r;
  try {
    r = await (await api()).debtor.payments.receipt({ paymentId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
  const t = await getTranslations("pay.receipt");
  const c = await getTranslations("case");
  const locale = (await getLocale()) as Locale;
  const rows: [string, string][] = [
    [t("date"), longDate(r.bookedOn, locale)],
    [t("method"), c(`method.${r.method}`)],
    [t("amount"), money(r.amountOre, locale)],
    ...(r.feesOre > 0 ? [[t("fees"), money(r.feesOre, locale)] as [string, string]] : []),
    ...(r.interestOre > 0 ? [[t("interest"), money(r.interestOre, locale)] as [string, string]] : []),
    ...(r.principalOre > 0 ? [[t("principal"), money(r.principalOre, locale)] as [string, string]] : []),
    ...(r.overpaymentOre > 0 ? [[t("overpaid"), money(r.overpaymentOre, locale)] as [string, string]] : []),
    [t("left"), money(r.leftNowOre, locale)],
    ...(r.reference ? [[t("reference"), r.reference] as [string, string]] : []),
  ];
  const pdf = await renderLetterPdf(
    { title: `${t("title")} – ${r.caseNumber}`, intro: t("intro", { number: r.caseNumber, creditor: r.creditorName }), rows, closing: t("closing") },
    { caseNumber: r.caseNumber },
  );
  return new Response(Buffer.from(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="receipt-${r.caseNumber}-${r.bookedOn}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
