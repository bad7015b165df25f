import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ErrorSummary } from "@/components/form/error-summary";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { requirePerson } from "@/server/auth/require";
import { addDays, isBankDay } from "@/server/domain/calendar";
import { moveInstalmentAction } from "../../../actions";
import { loadPlan } from "../../load";

type Props = { params: Promise<{ planId: string; instalmentId: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const error = (await searchParams).error;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("plan"))("moveHeading")}` };
}

/** Moving one instalment: the bank days up to 14 days after its date, to choose from. */
export default async function MoveInstalmentPage({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { planId, instalmentId } = await params;
  const { error } = await searchParams;
  const plan = await loadPlan(planId);
  const instalment = plan.instalments.find((i) => i.id === instalmentId);
  if (!instalment) notFound();
  if (!instalment.canMove) redirect(`/plans/${plan.id}`);
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  const choices = Array.from({ length: 14 }, (_, n) => addDays(instalment.dueDate, n + 1)).filter(isBankDay);
  const errors = error ? [{ href: `#date-${choices[0]}`, text: t("errors.day_invalid") }] : [];

  return (
    <article className="space-y-6">
      <nav>
        <Link href={`/plans/${plan.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {t("back")}
        </Link>
      </nav>
      <ErrorSummary title={t("errorTitle")} errors={errors} />
      <h1 className="text-3xl font-bold leading-tight">{t("moveHeading")}</h1>
      <p className="text-lg">{t("moveLead", { amount: money(instalment.amountOre - instalment.paidOre, locale), date: longDate(instalment.dueDate, locale) })}</p>
      <form action={moveInstalmentAction} className="space-y-6">
        <input type="hidden" name="planId" value={plan.id} />
        <input type="hidden" name="instalmentId" value={instalment.id} />
        <fieldset className="space-y-2">
          <legend className="mb-2 text-xl font-semibold">{t("moveDate")}</legend>
          {choices.map((date, index) => (
            <label key={date} className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
              <input id={`date-${date}`} type="radio" name="newDate" value={date} defaultChecked={index === choices.length - 1} className="h-6 w-6 accent-brand-700" />
              <span>{longDate(date, locale)}</span>
            </label>
          ))}
        </fieldset>
        <p className="text-muted">{t("moveHint")}</p>
        <button type="submit" className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand sm:w-auto">
          {t("moveSubmit")}
        </button>
      </form>
    </article>
  );
}
