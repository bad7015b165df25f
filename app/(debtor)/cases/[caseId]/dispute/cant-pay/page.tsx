import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StepFrame } from "../../../../plans/new/layout-parts";
import { disputeHref, loadCase } from "../wizard";

type Props = { params: Promise<{ caseId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dispute"))("cantPay.heading") };
}

const link = "inline-flex min-h-11 items-center text-lg font-semibold text-brand-700 underline underline-offset-4";

/** "The claim is right, but I can't pay": not a dispute. A plan, more time, or free budget advice. */
export default async function CantPayPage({ params }: Props) {
  const { caseId } = await params;
  const c = await loadCase(caseId);
  const t = await getTranslations("dispute");
  const canPlan = c.state === "to_pay";
  const canPostpone = c.state === "to_pay" && !c.dueDateMovedOn;
  return (
    <StepFrame back={disputeHref(c.id, "", { reason: "cant_pay" })} backLabel={t("back")} heading={t("cantPay.heading")} errorTitle={t("errorTitle")} errors={[]}>
      <p className="text-lg">{t("cantPay.lead")}</p>
      <ul className="space-y-4">
        {canPlan && (
          <li>
            <Link href={`/plans/new?case=${c.id}`} className={link}>
              {t("cantPay.plan")}
            </Link>
            <span className="block text-muted">{t("cantPay.planHint")}</span>
          </li>
        )}
        {canPostpone && (
          <li>
            <Link href={`/cases/${c.id}/postpone`} className={link}>
              {t("cantPay.postpone")}
            </Link>
            <span className="block text-muted">{t("cantPay.postponeHint")}</span>
          </li>
        )}
        <li>
          <a href="https://www.konsumentverket.se/budget-och-skuldradgivning/" className={link}>
            {t("cantPay.budget")}
          </a>
          <span className="block text-muted">{t("cantPay.budgetHint")}</span>
        </li>
        <li>
          <Link href="/help" className={link}>
            {t("cantPay.talk")}
          </Link>
          <span className="block text-muted">{t("cantPay.talkHint")}</span>
        </li>
      </ul>
      <p>
        {t("cantPay.wrongAfterAll")}{" "}
        <Link href={disputeHref(c.id, "")} className="font-semibold text-brand-700 underline underline-offset-4">
          {t("cantPay.back")}
        </Link>
      </p>
    </StepFrame>
  );
}
