import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Breakdown } from "@/components/debtor/breakdown";
import { CaseTalk } from "@/components/debtor/case-talk";
import { ButtonLink } from "@/components/ui/button-link";
import { CopyButton } from "@/components/ui/copy-button";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { getViewer } from "@/server/auth/viewer";
import { daysBetween, todayInStockholm } from "@/server/domain/calendar";
import { env } from "@/server/env";

type Params = { params: Promise<{ caseId: string }> };

// The title and the page read the case once between them.
const load = cache(async (caseId: string) => {
  if (!z.string().uuid().safeParse(caseId).success) notFound();
  return orNotFound((await api()).debtor.cases.get({ caseId }));
});

/** "Norrsken Mobil AB – 1 561,07 kr – Kvitt": the case's own name in the tab and the history. */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  // Signed out: the page itself sends the person to sign in; until then, the general title.
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return { title: (await getTranslations("cases"))("title") };
  const c = await load((await params).caseId);
  const locale = (await getLocale()) as Locale;
  return { title: `${c.creditor.name} – ${money(c.balance.leftOre, locale)}` };
}

export default async function CasePage({ params, searchParams }: Params & { searchParams: Promise<{ postponed?: string; disputed?: string }> }) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { caseId } = await params;
  const c = await load(caseId);
  const query = await searchParams;
  const postponed = query.postponed && /^\d{4}-\d{2}-\d{2}$/.test(query.postponed) ? query.postponed : null;
  const livePlan = c.plan;
  const p = await getTranslations("plan");
  const t = await getTranslations("case");
  const ds = await getTranslations("dispute");
  const d = await getTranslations("descriptions");
  const locale = (await getLocale()) as Locale;
  // While a dispute is open, its part is set aside: what is shown as payable is the rest.
  const left = money(c.payableOre, locale);
  const dispute = c.dispute;
  const openDispute = dispute?.status === "open" ? dispute : null;
  const answered = dispute && dispute.status !== "open" && dispute.toldOn ? dispute : null;
  const description = d(c.description);
  const paid = c.state === "paid";
  const disputed = c.state === "disputed" || (dispute?.holdsToday ?? false);
  const nothingPayable = c.payableOre <= 0;
  const sectionTitle = "text-xl font-semibold";
  const overpaidOre = c.payments.reduce((sum, p) => sum + p.overpaymentOre, 0);
  // Within a week of the earliest date for a payment order, say "soon" rather than a date already near.
  const kronofogdenSoon = c.paymentOrderFrom !== null && daysBetween(todayInStockholm(new Date()), c.paymentOrderFrom) <= 7;

  return (
    <article className="space-y-8">
      <nav>
        <Link href="/cases" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {t("back")}
        </Link>
      </nav>

      <header className="space-y-2">
        <h1 className="text-3xl font-bold leading-tight">
          {paid ? t("paidHeading") : t("heading", { amount: c.payableOre > 0 ? left : money(c.balance.leftOre, locale), creditor: c.creditor.name })}
        </h1>
        {paid && <p className="text-lg">{t("paidLead")}</p>}
        {postponed && (
          <p role="status" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-3 font-semibold">
            {p("postponed", { date: longDate(postponed, locale) })}
          </p>
        )}
        {livePlan?.next && c.state === "in_plan" && (
          <p className="text-lg font-medium">{t("nextInstalment", { amount: money(livePlan.next.amountOre, locale), date: longDate(livePlan.next.dueDate, locale) })}</p>
        )}
        {livePlan && (
          <p>
            <Link href={`/plans/${livePlan.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4">
              {t("inPlanLink")}
            </Link>
          </p>
        )}
        {openDispute && nothingPayable && <p className="text-lg">{t("disputedLead")}</p>}
        {query.disputed && openDispute && (
          <p role="status" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-3 font-semibold">
            {ds("sent")}
          </p>
        )}
        {c.state === "to_pay" && <p className="text-lg font-medium">{t("payBy", { date: longDate(c.dueDate, locale) })}</p>}
      </header>

      {openDispute && (
        <section className="space-y-2 rounded-xl border-2 border-brand-700 p-4" aria-labelledby="paused">
          <h2 id="paused" className={sectionTitle}>
            {ds("paused.title")}
          </h2>
          <p>
            {openDispute.part === "all"
              ? ds("paused.open", { date: longDate(openDispute.madeOn, locale), answerBy: longDate(openDispute.answerBy, locale) })
              : ds("paused.openPart", { date: longDate(openDispute.madeOn, locale), amount: money(c.disputedOre, locale), answerBy: longDate(openDispute.answerBy, locale) })}
          </p>
          <p>{ds("paused.stopped")}</p>
          <p className="font-medium">{nothingPayable ? ds("paused.nothingToPay") : ds("paused.rest", { amount: left })}</p>
        </section>
      )}

      {answered && (
        <section className={`space-y-2 rounded-xl border-2 p-4 ${answered.holdsToday ? "border-brand-700" : "border-line"}`} aria-labelledby="answered">
          <h2 id="answered" className={sectionTitle}>
            {answered.holdsToday ? ds("paused.title") : ds("answered.title")}
          </h2>
          {answered.status === "rejected" && (
            <>
              <p>{ds("answered.rejected", { date: longDate(answered.toldOn!, locale) })}</p>
              {answered.decisionReason && (
                <>
                  <h3 className="font-semibold">{ds("answered.why")}</h3>
                  <blockquote className="whitespace-pre-line border-l-4 border-line pl-3">{answered.decisionReason}</blockquote>
                </>
              )}
              {answered.holdsToday && answered.lastDay && answered.resumesOn && (
                <p className="font-medium">{ds("answered.rejectedNext", { lastDay: longDate(answered.lastDay, locale), resumesOn: longDate(answered.resumesOn, locale) })}</p>
              )}
            </>
          )}
          {answered.status === "upheld" && (
            <>
              <p>
                {answered.remedy === "cancel"
                  ? ds("answered.cancelled", { date: longDate(answered.toldOn!, locale) })
                  : ds("answered.reduced", { amount: money(answered.creditedOre ?? 0, locale), date: longDate(answered.toldOn!, locale) })}
              </p>
              {answered.decisionReason && <blockquote className="whitespace-pre-line border-l-4 border-line pl-3">{answered.decisionReason}</blockquote>}
            </>
          )}
        </section>
      )}

      <section className="space-y-2" aria-labelledby="story">
        <h2 id="story" className={sectionTitle}>
          {t("storyTitle")}
        </h2>
        <p>
          {t("story1", {
            creditor: c.creditor.name,
            principal: money(c.balance.principal.originalOre, locale),
            description,
            dueDate: longDate(c.originalDueDate, locale),
          })}{" "}
          {c.reminderSentOn && t("storyReminder", { creditor: c.creditor.name, date: longDate(c.reminderSentOn, locale) })}{" "}
          {c.collectionLetterSentOn && t("storyLetter", { date: longDate(c.collectionLetterSentOn, locale) })}
        </p>
      </section>

      <section className="space-y-3" aria-labelledby="breakdown">
        <h2 id="breakdown" className={sectionTitle}>
          {t("breakdownTitle")}
        </h2>
        <p>{t("breakdownLead", { amount: money(c.balance.leftOre, locale) })}</p>
        <Breakdown
          lines={c.balance.lines}
          paidOre={c.balance.paidOre}
          creditedOre={c.balance.creditedOre}
          leftOre={c.balance.leftOre}
          totalOre={c.balance.totalOre}
          creditor={c.creditor.name}
          description={c.description}
          interest={c.balance.interest}
          interestStopped={paid}
        />
      </section>

      {!paid && (
        <section className="space-y-3" aria-labelledby="next">
          <h2 id="next" className={sectionTitle}>
            {t("nextTitle")}
          </h2>
          <ul className="list-disc pl-6 space-y-2">
            {disputed && nothingPayable ? (
              <li>{t("nextDisputed")}</li>
            ) : (
              <>
                <li>{t("nextPay", { amount: left, date: longDate(c.dueDate, locale) })}</li>
                <li>{t("nextPlanContact")}</li>
                {!dispute?.holdsToday && <li>{t("nextDispute")}</li>}
                {c.paymentOrderFrom && !dispute?.holdsToday && (
                  <li>
                    {kronofogdenSoon
                      ? t("nextNothingSoon", { cost: money(c.paymentOrderCostOre, locale) })
                      : t("nextNothing", { date: longDate(c.paymentOrderFrom, locale), cost: money(c.paymentOrderCostOre, locale) })}
                  </li>
                )}
              </>
            )}
          </ul>
        </section>
      )}

      {!paid && !nothingPayable && (
        <section className="space-y-4" aria-labelledby="actions">
          <h2 id="actions" className={sectionTitle}>
            {t("actionsTitle")}
          </h2>
          <ButtonLink href={`/pay?case=${c.id}`}>{t("payButton")}</ButtonLink>
          {c.state === "to_pay" && (
          <ul className="space-y-1">
            <li>
              <Link href={`/plans/new?case=${c.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4">
                {t("planButton")}
              </Link>
              <span className="block text-muted">{t("planHint")}</span>
            </li>
            {!c.dueDateMovedOn && (
              <li>
                <Link href={`/cases/${c.id}/postpone`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4">
                  {t("postponeButton")}
                </Link>
              </li>
            )}
          </ul>
          )}
          {!dispute?.holdsToday && (
            <p>
              <Link href={`/cases/${c.id}/dispute`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4">
                {ds("link")}
              </Link>
              <span className="block text-muted">{ds("linkHint")}</span>
            </p>
          )}
          <div className="rounded-xl border border-line p-4 space-y-3">
            <h3 className="text-lg font-semibold">{t("bankTitle")}</h3>
            <p>{t("bankLead")}</p>
            <dl className="space-y-2">
              {[
                { label: t("bankgiro"), value: env().KVITT_BANKGIRO, copy: t("copyBankgiro") },
                { label: t("ocr"), value: c.ocrReference, copy: t("copyOcr") },
                { label: t("amount"), value: left, copy: t("copyAmount"), raw: (c.payableOre / 100).toFixed(2).replace(".", locale === "sv" ? "," : ".") },
              ].map((row) => (
                <div key={row.label} className="border-b border-line pb-2">
                  <dt className="text-sm text-muted">{row.label}</dt>
                  <dd className="flex items-center justify-between gap-3">
                    <span className="tabular text-lg font-semibold">{row.value}</span>
                    <CopyButton value={row.raw ?? row.value.replace(/\s/g, "")} label={row.copy} copiedLabel={t("copied")} />
                  </dd>
                </div>
              ))}
            </dl>
            <p className="text-muted">{t("bankNote")}</p>
          </div>
        </section>
      )}

      <section className="space-y-2" aria-labelledby="contact">
        <h2 id="contact" className={sectionTitle}>
          {t("contactTitle")}
        </h2>
        <p>{t("contact", { number: c.caseNumber })}</p>
        <CaseTalk caseId={c.id} />
      </section>

      <section className="space-y-2" aria-labelledby="history">
        <h2 id="history" className={sectionTitle}>
          {t("historyTitle")}
        </h2>
        {c.payments.length === 0 ? (
          <p>{t("historyEmpty")}</p>
        ) : (
          <table className="w-full text-left">
            <caption className="sr-only">{t("historyCaption")}</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 font-medium">
                  {t("colDate")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("colMethod")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  {t("colAmount")}
                </th>
                <th scope="col" className="py-2 text-right font-medium">
                  <span className="sr-only">{t("colReceipt")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {c.payments.map((p) => (
                <tr key={p.id} className="border-b border-line">
                  <td className="py-2">{longDate(p.bookedOn, locale)}</td>
                  <td className="py-2">{t(`method.${p.method}`)}</td>
                  <td className="py-2 text-right tabular">{money(p.amountOre, locale)}</td>
                  <td className="py-2 text-right">
                    <a href={`/receipts/${p.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                      {t("receiptLink")}
                      <span className="sr-only"> {longDate(p.bookedOn, locale)}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {overpaidOre > 0 && <p>{t("overpaid", { amount: money(overpaidOre, locale) })}</p>}
      </section>

      {c.events.length > 0 && (
        <section className="space-y-2" aria-labelledby="events">
          <h2 id="events" className={sectionTitle}>
            {t("eventsTitle")}
          </h2>
          <ul className="space-y-1">
            {c.events.map((e, index) => (
              <li key={index}>
                {longDate(e.occurredOn, locale)}: {e.kind.startsWith("dispute_") ? ds(`event.${e.kind as "dispute_made"}`) : p(`event.${e.kind as "plan_signed"}`)}
                {e.kind === "due_date_moved" && c.dueDateMovedFrom && ` (${longDate(c.dueDateMovedFrom, locale)} → ${longDate(c.dueDate, locale)})`}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-2" aria-labelledby="documents">
        <h2 id="documents" className={sectionTitle}>
          {t("documentsTitle")}
        </h2>
        <ul className="space-y-1">
          {c.documents.map((doc) => (
            <li key={doc.id}>
              <a
                href={`/cases/${c.id}/documents/${doc.id}`}
                className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
              >
                {t(`document.${doc.kind}`, { creditor: c.creditor.name, date: longDate(doc.issuedOn, locale) })} ({t("pdf")})
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section className="space-y-2" aria-labelledby="facts">
        <h2 id="facts" className={sectionTitle}>
          {t("facts")}
        </h2>
        <dl className="divide-y divide-line border-y border-line">
          {[
            [t("factCreditor"), c.creditor.name],
            [t("factInvoice"), c.invoiceNumber],
            [t("factInvoiceDate"), longDate(c.invoiceDate, locale)],
            [t("factOriginalDue"), longDate(c.originalDueDate, locale)],
            [t("factCaseNumber"), c.caseNumber],
          ].map(([label, value]) => (
            <div key={label} className="flex justify-between gap-4 py-2">
              <dt className="text-muted">{label}</dt>
              <dd className="text-right">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
