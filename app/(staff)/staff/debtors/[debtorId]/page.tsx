import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { longDate, money } from "@/components/ui/format";
import { errorMessage } from "@/components/staff/error-message";
import { Notice } from "@/components/staff/notice";
import { RevealForm } from "@/components/staff/reveal-form";
import { answerHref } from "@/components/staff/item-href";
import { StaffFrame } from "@/components/staff/staff-frame";
import { button, card, input, label, secondaryButton, textLink } from "@/components/staff/styles";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requireStaff } from "@/server/auth/require";
import { addDays, todayInStockholm } from "@/server/domain/calendar";
import { urgencyOf } from "@/server/domain/work-deadlines";
import { SUPPORT_NEED_KINDS } from "@/server/modules/workplace/actions";
import { TIMELINE_KINDS, type TimelineKind } from "@/server/modules/workplace/debtor-schema-kinds";
import { assignItemAction } from "../../queue-actions";
import {
  addNoteAction,
  clearSupportNeedAction,
  counterOfferAction,
  decidePlanAction,
  liftHoldAction,
  placeHoldAction,
  recordPromiseAction,
  revealAction,
  setSupportNeedAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workplace.debtor"))("title") };
}

type Search = { item?: string; kinds?: string | string[]; template?: string; case?: string; done?: string; error?: string; form?: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FORMS = ["note", "hold", "lift", "promise", "support", "plan", "counter", "assigned"] as const;

function moment(iso: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" }).format(new Date(iso));
}

/** Everything about one person on one page, with the actions a member of staff may take. */
export default async function DebtorScreen({ params, searchParams }: { params: Promise<{ debtorId: string }>; searchParams: Promise<Search> }) {
  const viewer = await requireStaff();
  const { debtorId } = await params;
  if (!UUID.test(debtorId)) notFound();
  const q = await searchParams;
  const t = await getTranslations("workplace.debtor");
  const k = await getTranslations("workplace.kind");
  const tl = await getTranslations("workplace.timeline");
  const c = await getTranslations("case");
  const d = await getTranslations("descriptions");
  const locale = (await getLocale()) as Locale;
  const item = q.item && UUID.test(q.item) ? q.item : undefined;
  const kinds = (Array.isArray(q.kinds) ? q.kinds : q.kinds ? [q.kinds] : []).filter((x): x is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(x));
  const caller = await api();
  const screen = await orNotFound(caller.staff.debtors.get({ debtorId, workItemId: item, kinds: kinds.length ? kinds : undefined }));
  const templates = await caller.staff.templates.list();
  const templateId = q.template && UUID.test(q.template) ? q.template : undefined;
  const templateCase = q.case && UUID.test(q.case) ? q.case : undefined;
  const filled = templateId ? await caller.staff.templates.render({ templateId, debtorId, caseId: templateCase ?? null }).catch(() => null) : null;
  const { debtor } = screen;
  const now = new Date();
  const today = todayInStockholm(now);
  const hidden = (
    <>
      <input type="hidden" name="debtorId" value={debtor.id} />
      {item && <input type="hidden" name="item" value={item} />}
    </>
  );
  const done = FORMS.find((f) => f === q.done);
  const revealWords = { show: t("reveal.show"), reason: t("reveal.reason"), reasonHint: t("reveal.reasonHint"), errorReason: t("reveal.errorReason"), errorOther: t("reveal.errorOther"), errorPrefix: t("errorPrefix") };
  const back = `/staff/debtors/${debtor.id}${item ? `?item=${item}` : ""}`;

  return (
    <StaffFrame role={viewer.role} current="">
      <div id="top" className="space-y-2">
        <h1 className="text-3xl font-bold">{debtor.name}</h1>
        {screen.viewers.length > 0 && (
          <p role="status" className="rounded-lg border-4 border-ink p-3 font-semibold">
            {t("collision", { names: screen.viewers.join(", ") })}
          </p>
        )}
        <Notice done={done ? t(`done.${done}`) : null} error={await errorMessage(q.error)} />
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="space-y-6">
          <section aria-labelledby="contact-title" className={card}>
            <h2 id="contact-title" className="text-xl font-bold">
              {t("contact.title")}
            </h2>
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              <dt className="text-muted">{t("contact.personalNumber")}</dt>
              <dd>
                <RevealForm action={revealAction} debtorId={debtor.id} what="number" masked={debtor.maskedPersonalNumber} words={revealWords} />
              </dd>
              <dt className="text-muted">{t("contact.email")}</dt>
              <dd>{debtor.email ?? "–"}</dd>
              <dt className="text-muted">{t("contact.phone")}</dt>
              <dd className="tabular">{debtor.phone ?? "–"}</dd>
              <dt className="text-muted">{t("contact.address")}</dt>
              <dd>{debtor.address ?? "–"}</dd>
              <dt className="text-muted">{t("contact.channel")}</dt>
              <dd>{t(`channel.${debtor.preferredChannel}`)}</dd>
              <dt className="text-muted">{t("contact.language")}</dt>
              <dd>{t(`language.${debtor.language}`)}</dd>
            </dl>
          </section>

          <section aria-labelledby="cases-title" className="space-y-4">
            <h2 id="cases-title" className="text-2xl font-bold">
              {t("cases.title", { count: screen.cases.length })}
            </h2>
            {screen.cases.map((cs) => (
              <article key={cs.id} id={`case-${cs.id}`} aria-labelledby={`case-title-${cs.id}`} className={card}>
                <h3 id={`case-title-${cs.id}`} className="text-lg font-semibold">
                  {cs.creditorName} · <span className="tabular">{cs.caseNumber}</span>
                </h3>
                <p>
                  {t(`state.${cs.state}`)} · {d(cs.description as "rent")} · {t("cases.invoice", { number: cs.invoiceNumber })} · {t("cases.ocr", { number: cs.ocrReference })}
                </p>
                <p>
                  {t("cases.due", { date: longDate(cs.dueDate, locale) })}
                  {cs.paymentOrderFrom ? ` · ${t("cases.paymentOrderFrom", { date: longDate(cs.paymentOrderFrom, locale) })}` : ""}
                </p>
                <div role="region" aria-label={t("cases.breakdown", { number: cs.caseNumber })} tabIndex={0} className="overflow-x-auto">
                  <table className="w-full min-w-[28rem] border-collapse text-left">
                    <caption className="sr-only">{t("cases.breakdown", { number: cs.caseNumber })}</caption>
                    <thead>
                      <tr className="border-b-2 border-ink">
                        <th scope="col" className="p-1">{c("colWhat")}</th>
                        <th scope="col" className="p-1 text-right">{c("colAmount")}</th>
                        <th scope="col" className="p-1 text-right">{c("colLeft")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {cs.lines.map((line) => (
                        <tr key={line.key} className="border-b border-line">
                          <th scope="row" className="p-1 font-normal">
                            {line.key === "paid" ? t("cases.paid") : c(`line.${line.key as "principal"}`)}
                          </th>
                          <td className="p-1 text-right tabular">{money(line.amountOre, locale)}</td>
                          <td className="p-1 text-right tabular">{money(line.leftOre, locale)}</td>
                        </tr>
                      ))}
                      <tr>
                        <th scope="row" className="p-1">{c("leftTotal")}</th>
                        <td className="p-1 text-right tabular">{money(cs.totalOre, locale)}</td>
                        <td className="p-1 text-right font-bold tabular">{money(cs.leftOre, locale)}</td>
                      </tr>
                    </tbody>
                  </table>
                </div>
                {cs.holds.filter((h) => h.active).map((h) => (
                  <div key={h.id} className="rounded-lg border-2 border-ink p-3">
                    <p className="font-semibold">{h.kind === "dispute" ? t("hold.dispute") : t("hold.staff", { date: h.endsOn ? longDate(h.endsOn, locale) : "–" })}</p>
                    <p>{h.reason}</p>
                    {h.kind === "staff_hold" && (
                      <form action={liftHoldAction}>
                        {hidden}
                        <input type="hidden" name="holdId" value={h.id} />
                        <button type="submit" className={secondaryButton}>
                          {t("hold.lift")}
                        </button>
                      </form>
                    )}
                  </div>
                ))}
                <details className="rounded-lg border border-line p-3">
                  <summary className="min-h-11 cursor-pointer content-center font-semibold">{t("hold.place")}</summary>
                  <form action={placeHoldAction} className="mt-2 grid gap-2 sm:grid-cols-[8rem_1fr_auto] sm:items-end">
                    {hidden}
                    <input type="hidden" name="caseId" value={cs.id} />
                    <div>
                      <label htmlFor={`days-${cs.id}`} className={label}>
                        {t("hold.days")}
                      </label>
                      <input id={`days-${cs.id}`} name="days" type="number" min={1} max={180} defaultValue={14} required className={input} />
                    </div>
                    <div>
                      <label htmlFor={`reason-${cs.id}`} className={label}>
                        {t("hold.reason")}
                      </label>
                      <input id={`reason-${cs.id}`} name="reason" required minLength={3} maxLength={500} className={input} />
                    </div>
                    <button type="submit" className={button}>
                      {t("hold.submit")}
                    </button>
                  </form>
                </details>
                <details className="rounded-lg border border-line p-3">
                  <summary className="min-h-11 cursor-pointer content-center font-semibold">{t("promise.title")}</summary>
                  <form action={recordPromiseAction} className="mt-2 grid gap-2 sm:grid-cols-[10rem_12rem_auto] sm:items-end">
                    {hidden}
                    <input type="hidden" name="caseId" value={cs.id} />
                    <div>
                      <label htmlFor={`amount-${cs.id}`} className={label}>
                        {t("promise.amount")}
                      </label>
                      <input id={`amount-${cs.id}`} name="amount" inputMode="decimal" required className={input} />
                    </div>
                    <div>
                      <label htmlFor={`due-${cs.id}`} className={label}>
                        {t("promise.dueOn")}
                      </label>
                      <input id={`due-${cs.id}`} name="dueOn" type="date" min={today} defaultValue={addDays(today, 7)} required className={input} />
                    </div>
                    <button type="submit" className={button}>
                      {t("promise.submit")}
                    </button>
                  </form>
                </details>
              </article>
            ))}
          </section>

          {screen.plans.length > 0 && (
            <section aria-labelledby="plans-title" className="space-y-3">
              <h2 id="plans-title" className="text-2xl font-bold">
                {t("plans.title")}
              </h2>
              {screen.plans.map((p) => (
                <article key={p.id} className={card} aria-label={t("plans.label", { cases: p.caseNumbers.join(", ") })}>
                  <p className="font-semibold">
                    {t(`planStatus.${p.status as "active"}`)} · {t("plans.terms", { amount: money(p.monthlyOre, locale), months: p.months, day: p.dueDay })} · {p.caseNumbers.join(", ")}
                  </p>
                  <p className="text-sm text-muted">{t("plans.versions", { versions: Object.values(p.policyVersions).join(", ") || "–" })}</p>
                  {p.status === "requested" && (
                    <div className="space-y-2">
                      <p>{t("plans.reason", { reason: p.requestReason ?? "–" })}</p>
                      <p>
                        {t("plans.budget", { income: p.monthlyIncomeOre !== null ? money(p.monthlyIncomeOre, locale) : "–", costs: p.monthlyCostsOre !== null ? money(p.monthlyCostsOre, locale) : "–" })}
                      </p>
                      <form action={decidePlanAction} className="space-y-2">
                        {hidden}
                        <input type="hidden" name="planId" value={p.id} />
                        <label htmlFor={`plan-note-${p.id}`} className={label}>
                          {t("plans.note")}
                        </label>
                        <textarea id={`plan-note-${p.id}`} name="note" rows={2} maxLength={1000} className="block w-full rounded-md border-2 border-ink bg-paper p-2" />
                        <div className="flex flex-wrap gap-2">
                          <button type="submit" name="decision" value="approve" className={button}>
                            {t("plans.approve")}
                          </button>
                          <button type="submit" name="decision" value="reject" className={secondaryButton}>
                            {t("plans.reject")}
                          </button>
                        </div>
                      </form>
                      <form action={counterOfferAction} className="flex flex-wrap items-end gap-2">
                        {hidden}
                        <input type="hidden" name="planId" value={p.id} />
                        <div>
                          <label htmlFor={`counter-${p.id}`} className={label}>
                            {t("plans.counterMonths")}
                          </label>
                          <input id={`counter-${p.id}`} name="months" type="number" min={1} max={120} required defaultValue={Math.min(p.months, 12)} className={input} />
                        </div>
                        <button type="submit" className={secondaryButton}>
                          {t("plans.counter")}
                        </button>
                      </form>
                    </div>
                  )}
                  {p.instalments.length > 0 && (
                    <details>
                      <summary className="min-h-11 cursor-pointer content-center">{t("plans.instalments", { count: p.instalments.length })}</summary>
                      <ol className="mt-2 space-y-1">
                        {p.instalments.map((i) => (
                          <li key={i.seq} className="tabular">
                            {longDate(i.dueDate, locale)} · {money(i.amountOre, locale)} · {t(`instalment.${i.status as "due"}`)}
                          </li>
                        ))}
                      </ol>
                    </details>
                  )}
                </article>
              ))}
            </section>
          )}

          <section aria-labelledby="payments-title" className="space-y-2">
            <h2 id="payments-title" className="text-2xl font-bold">
              {t("payments.title")}
            </h2>
            {screen.payments.length === 0 ? (
              <p>{t("payments.none")}</p>
            ) : (
              <ul className="space-y-1">
                {screen.payments.map((p) => (
                  <li key={p.id} className="tabular">
                    {longDate(p.bookedOn, locale)} · {money(p.amountOre, locale)} · {c(`method.${p.method as "swish"}`)} · {p.caseNumber ?? "–"}
                    {p.overpaymentOre > 0 ? ` · ${t("payments.overpaid", { amount: money(p.overpaymentOre, locale) })}` : ""}
                  </li>
                ))}
              </ul>
            )}
            {screen.promises.length > 0 && (
              <>
                <h3 className="text-lg font-semibold">{t("promise.list")}</h3>
                <ul className="space-y-1">
                  {screen.promises.map((p) => (
                    <li key={p.id}>
                      {t("promise.line", { amount: money(p.amountOre, locale), date: longDate(p.dueOn, locale), number: p.caseNumber })} · {t(`promise.status.${p.status}`)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>

          <section aria-labelledby="timeline-title" className="space-y-3">
            <h2 id="timeline-title" className="text-2xl font-bold">
              {tl("title")}
            </h2>
            <form method="get" action={`/staff/debtors/${debtor.id}`} className="space-y-2">
              {item && <input type="hidden" name="item" value={item} />}
              <fieldset>
                <legend className="font-medium">{tl("filter")}</legend>
                <div className="flex flex-wrap gap-x-4">
                  {TIMELINE_KINDS.map((kind) => (
                    <div key={kind} className="flex min-h-11 items-center gap-2">
                      <input id={`kind-${kind}`} type="checkbox" name="kinds" value={kind} defaultChecked={kinds.includes(kind)} className="size-5" />
                      <label htmlFor={`kind-${kind}`}>{tl(`kind.${kind}`)}</label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <button type="submit" className={secondaryButton}>
                {tl("apply")}
              </button>
            </form>
            {screen.timeline.length === 0 ? (
              <p>{tl("empty")}</p>
            ) : (
              <ol className="space-y-2 border-l-4 border-line pl-4">
                {screen.timeline.map((e, n) => (
                  <li key={`${e.at}-${n}`}>
                    <p>
                      <time dateTime={e.at} className="tabular text-muted">
                        {moment(e.at, locale)}
                      </time>{" "}
                      · <strong>{tl(`kind.${e.kind}`)}</strong> · {tl.has(`what.${e.what}`) ? tl(`what.${e.what}`) : e.what}
                      {e.caseNumber ? ` · ${e.caseNumber}` : ""}
                      {e.staffName ? ` · ${e.staffName}` : ""}
                      {e.amountOre !== null ? ` · ${money(e.amountOre, locale)}` : ""}
                    </p>
                    {e.text && e.kind !== "payment" && <p className="whitespace-pre-line">{e.text}</p>}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>

        <aside className="space-y-6" aria-label={t("sideLabel")}>
          {screen.workItems.length > 0 && (
            <section aria-labelledby="items-title" className={card}>
              <h2 id="items-title" className="text-xl font-bold">
                {t("items.title")}
              </h2>
              <ul className="space-y-3">
                {screen.workItems.map((w) => {
                  const urgency = w.status === "waiting_on_debtor" ? "waiting" : urgencyOf(new Date(w.dueBy), now);
                  return (
                    <li key={w.id} className={`space-y-1 ${w.id === item ? "rounded-lg border-2 border-brand-700 p-2" : ""}`}>
                      <p className="font-semibold">
                        {k(w.kind)}
                        {w.caseNumber ? ` · ${w.caseNumber}` : ""}
                      </p>
                      <p>
                        {t("items.due", { when: moment(w.dueBy, locale) })}
                        {urgency !== "later" ? ` · ${t(`urgency.${urgency}`)}` : ""} · {w.assigneeName ?? t("items.nobody")}
                      </p>
                      {answerHref(w) && (
                        <p>
                          <Link href={answerHref(w)!} className={textLink}>
                            {t("items.open", { kind: k(w.kind) })}
                          </Link>
                        </p>
                      )}
                      <form action={assignItemAction} className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="workItemId" value={w.id} />
                        <input type="hidden" name="back" value={back} />
                        <input type="hidden" name="to" value={viewer.subjectId} />
                        {w.assignedTo !== viewer.subjectId && (
                          <button type="submit" className={secondaryButton}>
                            {t("items.take")}
                          </button>
                        )}
                      </form>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}

          <section aria-labelledby="support-title" className={card}>
            <h2 id="support-title" className="text-xl font-bold">
              {t("support.title")}
            </h2>
            {debtor.supportNeed ? (
              <>
                <p className="font-semibold">{t("support.exists", { date: longDate(debtor.supportNeed.since.slice(0, 10), locale) })}</p>
                <RevealForm action={revealAction} debtorId={debtor.id} what="support" masked={t("support.hidden")} words={revealWords} />
                <form action={clearSupportNeedAction}>
                  {hidden}
                  <button type="submit" className={secondaryButton}>
                    {t("support.clear")}
                  </button>
                </form>
              </>
            ) : (
              <p>{t("support.none")}</p>
            )}
            <details>
              <summary className="min-h-11 cursor-pointer content-center font-semibold">{t("support.set")}</summary>
              <form action={setSupportNeedAction} className="mt-2 space-y-2">
                {hidden}
                <label htmlFor="support-kind" className={label}>
                  {t("support.kind")}
                </label>
                <select id="support-kind" name="kind" className={input}>
                  {SUPPORT_NEED_KINDS.map((x) => (
                    <option key={x} value={x}>
                      {t(`support.kinds.${x}`)}
                    </option>
                  ))}
                </select>
                <label htmlFor="support-detail" className={label}>
                  {t("support.detail")}
                </label>
                <textarea id="support-detail" name="detail" rows={3} maxLength={2000} className="block w-full rounded-md border-2 border-ink bg-paper p-2" />
                <p className="text-sm text-muted">{t("support.effect")}</p>
                <button type="submit" className={button}>
                  {t("support.save")}
                </button>
              </form>
            </details>
          </section>

          <section aria-labelledby="note-title" id="note" className={card}>
            <h2 id="note-title" className="text-xl font-bold">
              {t("note.title")}
            </h2>
            <form action={addNoteAction} className="space-y-2">
              {hidden}
              <label htmlFor="note-case" className={label}>
                {t("note.case")}
              </label>
              <select id="note-case" name="caseId" className={input}>
                <option value="">{t("note.anyCase")}</option>
                {screen.cases.map((cs) => (
                  <option key={cs.id} value={cs.id}>
                    {cs.caseNumber}
                  </option>
                ))}
              </select>
              <label htmlFor="note-body" className={label}>
                {t("note.body")}
              </label>
              <p id="note-hint" className="text-sm text-muted">
                {t("note.hint")}
              </p>
              <textarea id="note-body" name="body" rows={4} required maxLength={5000} aria-describedby="note-hint" className="block w-full rounded-md border-2 border-ink bg-paper p-2" />
              <button type="submit" className={button}>
                {t("note.submit")}
              </button>
            </form>
          </section>

          <section aria-labelledby="reply-title" id="reply" className={card}>
            <h2 id="reply-title" className="text-xl font-bold">
              {t("reply.title")}
            </h2>
            {templates.length === 0 ? (
              <p>{t("reply.noTemplates")}</p>
            ) : (
              <form method="get" action={`/staff/debtors/${debtor.id}#reply`} className="space-y-2">
                {item && <input type="hidden" name="item" value={item} />}
                <label htmlFor="template" className={label}>
                  {t("reply.template")}
                </label>
                <select id="template" name="template" defaultValue={templateId ?? ""} className={input}>
                  {templates.map((tpl) => (
                    <option key={tpl.id} value={tpl.id}>
                      {tpl.name}
                    </option>
                  ))}
                </select>
                <label htmlFor="template-case" className={label}>
                  {t("reply.case")}
                </label>
                <select id="template-case" name="case" defaultValue={templateCase ?? screen.cases[0]?.id ?? ""} className={input}>
                  {screen.cases.map((cs) => (
                    <option key={cs.id} value={cs.id}>
                      {cs.caseNumber}
                    </option>
                  ))}
                </select>
                <button type="submit" className={secondaryButton}>
                  {t("reply.fill")}
                </button>
              </form>
            )}
            {filled && (
              <div className="space-y-2">
                <label htmlFor="reply-text" className={label}>
                  {t("reply.text", { language: t(`language.${filled.language}`) })}
                </label>
                <textarea id="reply-text" name="body" rows={8} defaultValue={filled.text} className="block w-full rounded-md border-2 border-ink bg-paper p-2" />
              </div>
            )}
          </section>

          <p>
            <Link href="/staff" className={textLink}>
              ← {t("backToQueue")}
            </Link>
          </p>
        </aside>
      </div>
    </StaffFrame>
  );
}
