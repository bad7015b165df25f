import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { PayForm } from "@/components/debtor/pay-form";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { startPaymentAction } from "./actions";
import { payFormState } from "./state";

type Props = { searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("pay");
  const failed = Object.keys(payFormState(await searchParams).errors).length > 0;
  return { title: failed ? `${(await getTranslations("common"))("errorPrefix")}${t("title")}` : t("title") };
}

/** Pay one case (?case=…) or every case at once: how much, and how. */
export default async function PayPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  const { case: caseParam, plan: planParam, instalment: instalmentParam } = params;
  const uuid = z.string().uuid();
  // Paying one instalment of a plan: its amount is the whole amount offered.
  let instalment: { id: string; leftOre: number; seq: number } | null = null;
  if (uuid.safeParse(planParam).success && uuid.safeParse(instalmentParam).success) {
    const plan = await (await api()).debtor.plans.get({ planId: planParam! }).catch(() => null);
    const found = plan?.instalments.find((i) => i.id === instalmentParam && i.status !== "paid" && i.status !== "missed");
    if (found) instalment = { id: found.id, leftOre: found.amountOre - found.paidOre, seq: found.seq };
  }
  const caseId = z.string().uuid().safeParse(caseParam).success ? caseParam : undefined;
  if (caseParam !== undefined && !caseId) notFound();
  const options = await orNotFound((await api()).debtor.payments.options({ caseId }));
  if (caseId && options.cases.length === 0) redirect(`/cases/${caseId}`);
  const t = await getTranslations("pay");
  const common = await getTranslations("common");
  const locale = (await getLocale()) as Locale;
  const payableOre = instalment ? Math.min(instalment.leftOre, options.totalOre) : options.totalOre;
  const total = money(payableOre, locale);
  const one = options.cases.length === 1 ? options.cases[0]! : null;
  const errorCodes = ["amount_required", "amount_invalid", "amount_below_minimum", "amount_above_balance", "method_required", "nothing_to_pay", "swish_already_open", "swish_not_enrolled", "payment_provider_unavailable", "unknown"] as const;

  return (
    <article className="space-y-6">
      <nav>
        <Link href={caseId ? `/cases/${caseId}` : "/cases"} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {caseId ? t("backToCase") : t("backToCases")}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold leading-tight">
          {instalment ? t("headingInstalment", { seq: instalment.seq }) : one && caseId ? t("headingOne", { number: one.caseNumber }) : t("headingAll")}
        </h1>
        <p className="text-lg">{one ? t("leftOne", { creditor: one.creditorName, amount: total }) : t("leftAll", { count: options.cases.length, amount: total })}</p>
      </header>
      {options.cases.length === 0 ? (
        <p>{t("errors.nothing_to_pay")}</p>
      ) : (
        <PayForm
          action={startPaymentAction}
          caseIds={options.cases.map((c) => c.id)}
          totalOre={payableOre}
          instalmentId={instalment?.id}
          planId={instalment ? planParam : undefined}
          state={payFormState(params)}
          texts={{
            amountLegend: t("amountLegend"),
            amountAll: t("amountAll", { amount: total }),
            amountAllHint: t("amountAllHint"),
            amountPart: t("amountPart"),
            amountPartHint: t("amountPartHint", { min: money(options.minOre, locale) }),
            amountLabel: t("amountLabel"),
            methodLegend: t("methodLegend"),
            methods: [
              { value: "swish", label: t("methodSwish"), hint: t("methodSwishHint") },
              { value: "card", label: t("methodCard"), hint: t("methodCardHint") },
              { value: "bank", label: t("methodBank"), hint: t("methodBankHint") },
            ],
            continue: t("continue"),
            sending: t("sending"),
            errorTitle: t("errorTitle"),
            errorPrefix: common("errorPrefix"),
            errors: Object.fromEntries(errorCodes.map((code) => [code, t(`errors.${code}`, { min: money(options.minOre, locale), max: total })])),
          }}
        />
      )}
    </article>
  );
}
