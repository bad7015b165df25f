import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { instalmentsIcs } from "@/server/domain/ics";
import { env } from "@/server/env";
import { planForDownload } from "../load";

export const dynamic = "force-dynamic";

/** The plan's dates as a calendar file (.ics), with a reminder the day before each. */
export async function GET(_request: Request, { params }: { params: Promise<{ planId: string }> }) {
  const plan = await planForDownload((await params).planId);
  if (!plan) return new Response("Not found", { status: 404 });
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  const ics = instalmentsIcs({
    planId: plan.id,
    title: t("agreementTitle"),
    instalments: plan.instalments.filter((i) => i.status !== "paid" && i.status !== "missed").map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre - i.paidOre, ocrReference: i.ocrReference })),
    locale,
    url: `${env().PUBLIC_BASE_URL}/plans/${plan.id}`,
    dtstamp: new Date(),
  });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="plan-${plan.id.slice(0, 8)}.ics"`, "Cache-Control": "private, no-store" },
  });
}
