import { and, eq } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import en from "../../../messages/en.json";
import sv from "../../../messages/sv.json";
import type { Queryable } from "../../db/client";
import { debtors, instalments, payments } from "../../db/schema";
import { addBankDays, todayInStockholm, type IsoDate } from "../../domain/calendar";
import { formatMoney } from "../../domain/money";
import { loadDebtorCase } from "../cases/load-ledgers";

export type Language = "sv" | "en";

/** What a message says, before it is shaped for a channel. Amounts and names never go by SMS. */
export interface MessageContent {
  subject: string;
  greeting: string;
  paragraphs: string[];
  /** Label and value lines (amounts, OCR number, due date). */
  rows: [string, string][];
  /** The SMS: who we are and the link, nothing else. */
  smsText: string;
  /** A reminder: e-mails carry List-Unsubscribe. */
  reminder: boolean;
  /** What a payment slip needs (Kivra's payment options, the paper letter's Swish QR). */
  payment: { amountOre: number; dueDate: IsoDate; ocr: string } | null;
  creditor: string | null;
  caseNumber: string | null;
  labels: Record<"link" | "linkLabel" | "contact" | "signoff" | "unsubscribe" | "scanToPay" | "scanToOpen" | "bankgiro" | "ocr" | "amount" | "dueDate" | "caseNumber", string>;
}

const CATALOGUES = { sv, en } as const;

function translator(language: Language) {
  return createTranslator({ locale: language, messages: CATALOGUES[language], namespace: "reach" });
}

export function formatDay(d: IsoDate, language: Language): string {
  return new Intl.DateTimeFormat(language === "sv" ? "sv-SE" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${d}T12:00:00Z`));
}

function percent(bp: number, language: Language): string {
  return `${new Intl.NumberFormat(language === "sv" ? "sv-SE" : "en-GB", { maximumFractionDigits: 2 }).format(bp / 100)} %`;
}

export interface RenderInput {
  debtorId: string;
  caseId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  language: Language;
  now: Date;
  bankgiro: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const num = (v: unknown) => (typeof v === "number" ? v : Number(v ?? 0));

/** Renders one message from the templates in `messages/` with the facts it needs from the database. */
export async function renderContent(db: Queryable, input: RenderInput): Promise<MessageContent> {
  const t = translator(input.language);
  const lang = input.language;
  const money = (ore: number) => formatMoney(ore, lang);
  const today = todayInStockholm(input.now);
  const [person] = await db.select({ givenName: debtors.givenName }).from(debtors).where(eq(debtors.id, input.debtorId));
  const ledger = input.caseId ? await loadDebtorCase(db, { debtorId: input.debtorId, caseId: input.caseId, asOf: today }) : null;
  const creditor = ledger?.creditor.name ?? null;
  const caseNumber = ledger?.case.caseNumber ?? null;
  const ocr = ledger?.case.ocrReference ?? "";
  const bankgiro = input.bankgiro;

  let subject = "";
  let paragraphs: string[] = [];
  let rows: [string, string][] = [];
  let sms: "reminder" | "letter" | "update" | "code" = "update";
  let reminder = false;
  let payment: MessageContent["payment"] = null;
  const p = input.payload;

  switch (input.kind) {
    case "collection_letter": {
      if (!ledger) throw new Error("a collection letter needs a case");
      const b = ledger.balance;
      const dueDate = addBankDays(today, 10) > ledger.case.dueDate ? addBankDays(today, 10) : ledger.case.dueDate;
      const day = formatDay(dueDate, lang);
      subject = t("kinds.collection_letter.subject", { creditor: creditor! });
      rows = [
        [t("kinds.collection_letter.principal"), money(b.principal.originalOre)],
        ...b.fees.map((f): [string, string] => [t(`fees.${f.kind in { reminder_fee: 1, collection_fee: 1, plan_fee: 1 } ? f.kind : "other"}` as "fees.other"), money(f.amountOre)]),
        [t("kinds.collection_letter.interest", { date: formatDay(today, lang), rate: percent(b.interest.annualRateBp, lang) }), money(b.interest.accruedOre)],
        ...(b.paidOre > 0 ? [[lang === "sv" ? "Betalt" : "Paid", `−${money(b.paidOre)}`] as [string, string]] : []),
        [t("kinds.collection_letter.total"), money(b.leftOre)],
        [t("common.ocr"), ocr],
        [t("common.dueDate"), day],
      ];
      // The wording the case opened with (its creditor's policy, or its arm of an experiment):
      // "brief" starts with what to pay and by when, then says what it is about.
      paragraphs =
        ledger.case.letterWording === "brief"
          ? [
              t("kinds.collection_letter.payBy", { dueDate: day, bankgiro, ocr }),
              t("kinds.collection_letter.introBrief", { creditor: creditor!, description: ledger.case.description }),
              t("kinds.collection_letter.plan"),
              t("kinds.collection_letter.object", { dueDate: day }),
              t("kinds.collection_letter.next"),
            ]
          : [
              t("kinds.collection_letter.intro", { creditor: creditor!, description: ledger.case.description }),
              t("kinds.collection_letter.payBy", { dueDate: day, bankgiro, ocr }),
              t("kinds.collection_letter.object", { dueDate: day }),
              t("kinds.collection_letter.plan"),
              t("kinds.collection_letter.next"),
            ];
      sms = "letter";
      payment = { amountOre: b.leftOre, dueDate, ocr };
      break;
    }
    case "pre_due_reminder": {
      if (!ledger) throw new Error("a reminder needs a case");
      const dueDate = str(p.dueDate) || ledger.case.dueDate;
      const due = p.when === "due";
      const values = { creditor: creditor!, dueDate: formatDay(dueDate, lang), amount: money(ledger.balance.leftOre) };
      subject = due ? t("kinds.pre_due_reminder.subjectDue") : t("kinds.pre_due_reminder.subjectBefore", values);
      paragraphs = [due ? t("kinds.pre_due_reminder.bodyDue", values) : t("kinds.pre_due_reminder.bodyBefore", values), t("kinds.pre_due_reminder.how", { bankgiro, ocr })];
      rows = [[t("common.amount"), values.amount], [t("common.dueDate"), values.dueDate], [t("common.ocr"), ocr]];
      sms = "reminder";
      reminder = true;
      payment = { amountOre: ledger.balance.leftOre, dueDate, ocr };
      break;
    }
    case "plan_reminder": {
      const dueDate = str(p.dueDate);
      const [inst] = p.planId
        ? await db.select({ ocr: instalments.ocrReference, amountOre: instalments.amountOre, paidOre: instalments.paidOre }).from(instalments).where(and(eq(instalments.planId, str(p.planId)), eq(instalments.seq, num(p.seq))))
        : [];
      const amountOre = inst ? inst.amountOre - inst.paidOre : num(p.amountOre);
      const instOcr = inst?.ocr ?? ocr;
      const due = p.when === "due";
      const values = { amount: money(amountOre), dueDate: formatDay(dueDate, lang) };
      subject = due ? t("kinds.plan_reminder.subjectDue") : t("kinds.plan_reminder.subjectBefore");
      paragraphs = [due ? t("kinds.plan_reminder.bodyDue", values) : t("kinds.plan_reminder.bodyBefore", values), t("kinds.plan_reminder.how", { bankgiro, ocr: instOcr })];
      rows = [[t("common.amount"), values.amount], [t("common.dueDate"), values.dueDate], [t("common.ocr"), instOcr]];
      sms = "reminder";
      reminder = true;
      payment = { amountOre, dueDate, ocr: instOcr };
      break;
    }
    case "plan_missed":
      subject = t("kinds.plan_missed.subject");
      paragraphs = [t("kinds.plan_missed.body", { dueDate: formatDay(str(p.dueDate) || today, lang) }), t("kinds.plan_missed.help")];
      break;
    case "plan_lapsed":
      subject = t("kinds.plan_lapsed.subject");
      paragraphs = [t("kinds.plan_lapsed.body"), t("kinds.plan_lapsed.help")];
      break;
    case "plan_confirmed":
      subject = t("kinds.plan_confirmed.subject");
      paragraphs = [t("kinds.plan_confirmed.body", { count: num(p.count), amount: money(num(p.firstAmountOre)), dueDate: formatDay(str(p.firstDueDate) || today, lang) }), t("kinds.plan_confirmed.help")];
      break;
    case "receipt": {
      const [paid] = p.paymentId ? await db.select({ amountOre: payments.amountOre, bookedOn: payments.bookedOn }).from(payments).where(eq(payments.id, str(p.paymentId))) : [];
      subject = t("kinds.receipt.subject");
      const left = ledger?.balance.leftOre ?? 0;
      paragraphs = [t("kinds.receipt.body", { amount: money(paid?.amountOre ?? num(p.amountOre)), date: formatDay(paid?.bookedOn ?? today, lang) }), left > 0 ? t("kinds.receipt.left", { left: money(left) }) : t("kinds.receipt.done")];
      break;
    }
    case "reply_notification":
      subject = t("kinds.reply_notification.subject");
      paragraphs = [t("kinds.reply_notification.body")];
      break;
    case "dispute_outcome":
      subject = t("kinds.dispute_outcome.subject");
      paragraphs = p.outcome === "upheld" ? [t("kinds.dispute_outcome.upheld")] : [t("kinds.dispute_outcome.rejected"), t("kinds.dispute_outcome.next")];
      break;
    case "callback_confirmed":
      subject = t("kinds.callback_confirmed.subject");
      paragraphs = [t("kinds.callback_confirmed.body")];
      break;
    case "data_access_ready":
      subject = t("kinds.data_access_ready.subject");
      paragraphs = [t("kinds.data_access_ready.body")];
      break;
    case "contact_code":
      subject = t("kinds.contact_code.subject");
      paragraphs = [t("kinds.contact_code.body", { code: str(p.code) }), t("kinds.contact_code.notYou")];
      sms = "code";
      break;
    default:
      throw new Error(`no template for messages of kind ${input.kind}`);
  }

  const labels = {
    link: t("common.link"),
    linkLabel: t("common.linkLabel"),
    contact: t("common.contact"),
    signoff: t("common.signoff"),
    unsubscribe: t("common.unsubscribe"),
    scanToPay: t("common.scanToPay"),
    scanToOpen: t("common.scanToOpen"),
    bankgiro: t("common.bankgiro"),
    ocr: t("common.ocr"),
    amount: t("common.amount"),
    dueDate: t("common.dueDate"),
    caseNumber: t("common.caseNumber"),
  };
  return {
    subject,
    greeting: t("common.greeting", { name: person?.givenName ?? "" }),
    paragraphs,
    rows,
    smsText: sms === "code" ? t("sms.code", { code: str(p.code) }) : t(`sms.${sms}`, { link: "{link}" }),
    reminder,
    payment,
    creditor,
    caseNumber,
    labels,
  };
}
