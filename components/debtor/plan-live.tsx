import { getLocale, getTranslations } from "next-intl/server";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { assetUrl } from "@/server/assets";
import { answersOf, type WizardParams } from "@/app/(debtor)/plans/new/wizard";

/**
 * The other half of the answer, worked out by the server from the same rules as the plan itself:
 * "that is 7 months" for an amount a month, "about 1 250 kr a month" for a number of months. Empty
 * when nothing usable has been typed.
 */
export async function planLiveLine(params: WizardParams): Promise<string> {
  const a = answersOf(params);
  if (a.caseIds.length === 0 || (!a.monthlyOre && !(a.months && a.months <= 120))) return "";
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  try {
    const preview = await (await api()).debtor.plans.preview({ caseIds: a.caseIds, monthlyOre: a.monthlyOre, months: a.months, dueDay: 26, method: "bankgiro", replacesPlanId: a.replaces });
    return a.monthlyOre ? t("liveMonths", { months: preview.months }) : t("liveMonthly", { amount: money(preview.monthlyOre, locale) });
  } catch {
    return "";
  }
}

/**
 * While the person types, `public/preview.js` asks the server for the line (see the route beside the
 * amount page) and shows it, announced politely once it settles. Without JavaScript the line is
 * worked out whenever the page is drawn with an answer.
 */
export async function PlanLive({ formId, params }: { formId: string; params: WizardParams }) {
  return (
    <>
      <p aria-live="polite" className="min-h-7 text-lg font-semibold" data-plan-preview="/plans/new/amount/preview" data-form={formId}>
        {await planLiveLine(params)}
      </p>
      <script src={assetUrl("preview.js")} async />
    </>
  );
}
