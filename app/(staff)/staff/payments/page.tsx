import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { assignPaymentAction, refundPaymentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.payments"))("title") };
}

const DONE = ["assigned", "refunded"] as const;
const ERRORS = ["case_not_found", "conflict_payment_not_unmatched", "conflict_case_closed", "conflict_nothing_to_refund", "unknown"] as const;

/** The queue of payments a person must place or pay back. */
export default async function StaffPaymentsPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  await requireStaff();
  const query = await searchParams;
  const t = await getTranslations("staff.payments");
  const c = await getTranslations("case");
  const locale = (await getLocale()) as Locale;
  const queue = await (await api()).staff.payments.queue();
  const done = DONE.find((d) => d === query.done);
  const error = query.error ? (ERRORS.find((e) => e === query.error) ?? "unknown") : null;
  const button = "inline-flex min-h-11 items-center justify-center rounded-lg px-4 font-semibold";

  return (
    <div className="space-y-6">
      <nav>
        <Link href="/staff" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {(await getTranslations("staff"))("title")}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      {done && (
        <p role="status" className="rounded-lg border-2 border-brand-700 p-3 font-semibold">
          {t(`done.${done}`)}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg border-4 border-error p-3 font-semibold">
          {t(`error.${error}`)}
        </p>
      )}
      {queue.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {queue.map((p) => {
            const refundable = p.kind === "unmatched" ? p.amountOre - p.refundedOre : p.overpaymentOre - p.refundedOre;
            return (
              <li key={p.id} className="space-y-3 rounded-xl border border-line p-4">
                <h2 className="text-lg font-semibold">
                  {p.kind === "unmatched" ? t("unmatched") : t("overpaid")} · {money(p.amountOre, locale)}
                </h2>
                <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                  <dt className="text-muted">{t("date")}</dt>
                  <dd>{longDate(p.bookedOn, locale)}</dd>
                  <dt className="text-muted">{t("method")}</dt>
                  <dd>{c(`method.${p.method}`)}</dd>
                  {p.ocrReference && (
                    <>
                      <dt className="text-muted">{t("reference")}</dt>
                      <dd className="tabular">{p.ocrReference}</dd>
                    </>
                  )}
                  {p.payerName && (
                    <>
                      <dt className="text-muted">{t("payer")}</dt>
                      <dd>{p.payerName}</dd>
                    </>
                  )}
                  {p.reason && (
                    <>
                      <dt className="text-muted">{t("reasonLabel")}</dt>
                      <dd>{t(`reason.${p.reason as "no_reference"}`)}</dd>
                    </>
                  )}
                </dl>
                {p.kind === "overpaid" && p.case && (
                  <p>
                    {t("overpaidBy", { amount: money(p.overpaymentOre - p.refundedOre, locale) })} —{" "}
                    {t("onCase", { number: p.case.caseNumber, creditor: p.case.creditorName, debtor: p.case.debtorName })}
                  </p>
                )}
                {p.kind === "unmatched" && (
                  <div className="space-y-2">
                    <h3 className="font-semibold">{t("suggestions")}</h3>
                    {p.suggestions.length === 0 ? (
                      <p className="text-muted">{t("noSuggestions")}</p>
                    ) : (
                      <ul className="space-y-2">
                        {p.suggestions.map((s) => (
                          <li key={s.id}>
                            <form action={assignPaymentAction} className="flex flex-wrap items-center gap-3">
                              <input type="hidden" name="paymentId" value={p.id} />
                              <input type="hidden" name="caseId" value={s.id} />
                              <span>{t("onCase", { number: s.caseNumber, creditor: s.creditorName, debtor: s.debtorName })}</span>
                              <button type="submit" className={`${button} bg-brand-700 text-on-brand`}>
                                {t("assignTo", { number: s.caseNumber })}
                              </button>
                            </form>
                          </li>
                        ))}
                      </ul>
                    )}
                    <form action={assignPaymentAction} className="flex flex-wrap items-end gap-3">
                      <input type="hidden" name="paymentId" value={p.id} />
                      <div>
                        <label htmlFor={`case-${p.id}`} className="block font-medium">
                          {t("caseNumber")}
                        </label>
                        <input id={`case-${p.id}`} name="caseNumber" className="mt-1 block min-h-11 w-44 rounded-md border-2 border-ink px-3" autoComplete="off" />
                      </div>
                      <button type="submit" className={`${button} border-2 border-brand-700 text-brand-700`}>
                        {t("assign")}
                      </button>
                    </form>
                  </div>
                )}
                {refundable > 0 && (
                  <form action={refundPaymentAction}>
                    <input type="hidden" name="paymentId" value={p.id} />
                    <button type="submit" className={`${button} border-2 border-brand-700 text-brand-700`}>
                      {t("refund", { amount: money(refundable, locale) })}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
