import { getLocale, getTranslations } from "next-intl/server";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { renderLetterPdf } from "@/server/modules/documents/case-letter-pdf";
import { planForDownload } from "../load";

export const dynamic = "force-dynamic";

/** The plan agreement as PDF: every date and amount, the fee, the interest estimate, the rules. */
export async function GET(_request: Request, { params }: { params: Promise<{ planId: string }> }) {
  const plan = await planForDownload((await params).planId);
  if (!plan) return new Response("Not found", { status: 404 });
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  const cases = plan.cases.map((c) => `${c.creditorName} ${c.caseNumber}`).join(", ");
  const pdf = await renderLetterPdf(
    {
      title: t("agreementTitle"),
      intro: plan.signedAt ? t("agreementIntro", { cases, date: longDate(plan.signedAt.slice(0, 10), locale) }) : t("agreementUnsigned", { cases }),
      rows: [
        ...plan.instalments.map((i) => [`${i.seq}. ${longDate(i.dueDate, locale)} (${i.ocrReference})`, money(i.amountOre, locale)] as [string, string]),
        [t("summaryFee"), plan.feeOre > 0 ? money(plan.feeOre, locale) : t("summaryFeeNone")],
        [t("summaryInterest"), money(plan.interestEstimateOre, locale)],
        [t("summaryTotal"), money(plan.totalOre, locale)],
      ],
      closing: `${t("agreementClosing")} ${t("interestNote")}`,
    },
    { caseNumber: plan.cases[0]?.caseNumber ?? "" },
  );
  return new Response(Buffer.from(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="plan-${plan.id.slice(0, 8)}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
