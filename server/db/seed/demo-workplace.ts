import { eq, inArray, sql } from "drizzle-orm";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { makeOcr } from "../../domain/ocr";
import { generateValidPersonnummer } from "../../domain/personnummer";
import { env } from "../../env";
import { bookPayments } from "../../modules/payments/book";
import { proposePlan } from "../../modules/plans/propose";
import { openWorkItem } from "../../modules/work-items/work-items";
import { recordMissingPolicyVersions } from "../../modules/workplace/policies";
import { settlePromises } from "../../modules/workplace/queue";
import { sealPersonalNumber, personalNumberHash } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import type { Db, Queryable, Tx } from "../client";
import * as s from "../schema";

/**
 * People whose matters fill a support agent's day: each has one case and something waiting in the
 * queue. The demo's sign-in people are left as they are, so their own pages stay as described.
 * Ingrid Holmberg's message is the oldest overdue item (the end-to-end test starts there).
 */
export const WORKDAY_PEOPLE = [
  { given: "Ingrid", surname: "Holmberg", born: "1968-04-02", creditor: "Norrsken Mobil AB", invoice: "NM-2026-08-3310", description: "mobile_subscription", principalOre: 89900 },
  { given: "Ahmed", surname: "Hassan", born: "1991-09-14", creditor: "Hemma & Handla AB", invoice: "HH-91220", description: "webshop_order", principalOre: 159000 },
  { given: "Karl", surname: "Lund", born: "1959-01-30", creditor: "Bostads AB Tallbacken", invoice: "TB-2210-10", description: "rent", principalOre: 745000 },
  { given: "Elin", surname: "Sandberg", born: "2001-06-07", creditor: "Studiekassan Lån AB", invoice: "SK-61203", description: "study_loan", principalOre: 320000 },
  { given: "Oskar", surname: "Nyberg", born: "1984-12-19", creditor: "Norrsken Mobil AB", invoice: "NM-2026-09-8812", description: "mobile_subscription", principalOre: 64900 },
  { given: "Fatima", surname: "Omar", born: "1977-03-11", creditor: "Hemma & Handla AB", invoice: "HH-88871", description: "webshop_order", principalOre: 219000 },
  { given: "Lars", surname: "Dahl", born: "1949-08-23", creditor: "Studiekassan Lån AB", invoice: "SK-33018", description: "consumer_loan", principalOre: 980000 },
  { given: "Sofia", surname: "Ekström", born: "1996-02-05", creditor: "Bostads AB Tallbacken", invoice: "TB-2209-04", description: "rent", principalOre: 692500 },
  { given: "Viktor", surname: "Strand", born: "1988-10-28", creditor: "Norrsken Mobil AB", invoice: "NM-2026-10-1177", description: "mobile_subscription", principalOre: 45900 },
  { given: "Maja", surname: "Lindgren", born: "1993-05-16", creditor: "Hemma & Handla AB", invoice: "HH-92004", description: "webshop_order", principalOre: 129000 },
  { given: "Ali", surname: "Rezaei", born: "1982-07-09", creditor: "Studiekassan Lån AB", invoice: "SK-70551", description: "consumer_loan", principalOre: 1450000 },
  { given: "Emma", surname: "Forsberg", born: "1999-11-21", creditor: "Norrsken Mobil AB", invoice: "NM-2026-10-5520", description: "mobile_subscription", principalOre: 39900 },
] as const;

const TEMPLATES = [
  {
    name: "Bekräfta betalning",
    bodySv: "Hej {name}.\n\nTack för ditt meddelande. Vi har fått din betalning för ärende {caseNumber} hos {creditor}. Kvar att betala är {amountLeft}.\n\nVänliga hälsningar\nKvitt",
    bodyEn: "Hello {name},\n\nThank you for your message. We have received your payment for case {caseNumber} with {creditor}. There is {amountLeft} left to pay.\n\nKind regards\nKvitt",
  },
  {
    name: "Så betalar du",
    bodySv: "Hej {name}.\n\nDu kan betala {amountLeft} till bankgiro {bankgiro} med OCR-nummer {ocr}. Betala senast {dueDate}. Du kan också dela upp betalningen i en plan på vår webbplats.\n\nVänliga hälsningar\nKvitt",
    bodyEn: "Hello {name},\n\nYou can pay {amountLeft} to bank giro {bankgiro} with OCR number {ocr}. Please pay by {dueDate}. You can also split the payment into a plan on our website.\n\nKind regards\nKvitt",
  },
  {
    name: "Mer tid",
    bodySv: "Hej {name}.\n\nVi har pausat ärende {caseNumber} medan vi ser över det. Du behöver inte betala något under tiden. Vi hör av oss igen.\n\nVänliga hälsningar\nKvitt",
    bodyEn: "Hello {name},\n\nWe have paused case {caseNumber} while we look into it. You do not need to pay anything in the meantime. We will be in touch again.\n\nKind regards\nKvitt",
  },
] as const;

const MESSAGES = [
  "Hej. Jag betalade i förra veckan men det syns inte. Kan ni kolla?",
  "Jag har blivit sjuk och kan inte betala hela beloppet nu. Vad kan jag göra?",
  "Varför har det tillkommit en avgift? Jag förstår inte brevet.",
  "Jag vill betala men vet inte vilket OCR-nummer jag ska använda.",
  "Kan jag få en kopia av fakturan?",
  "Jag har flyttat. Min nya adress är Lillgatan 3.",
];

const CALLBACK_TOPICS = ["Jag vill prata om en betalningsplan.", "Jag förstår inte avgiften.", "Jag vill flytta sista dagen."];

const hoursFrom = (base: Date, hours: number) => new Date(base.getTime() + hours * 3_600_000);

/**
 * Every policy's first version and the reply templates; with `workday`, a working day's queue too:
 * about 30 items of every kind there is data for, some overdue, and a few notes.
 */
export async function seedDemoWorkplace(tx: Queryable, today: string, options: { workday: boolean }): Promise<void> {
  const config = env();
  await recordMissingPolicyVersions(tx);
  const noon = new Date(`${today}T11:00:00Z`);
  const creditors = new Map((await tx.select({ id: s.creditors.id, name: s.creditors.name }).from(s.creditors)).map((c) => [c.name, c.id]));
  const staff = await tx.select({ id: s.staffUsers.id, name: s.staffUsers.name, role: s.staffUsers.role }).from(s.staffUsers);
  const maria = staff.find((x) => x.name === "Maria Svensson")!;
  const peter = staff.find((x) => x.name === "Peter Holm")!;

  for (const t of TEMPLATES) await tx.insert(s.replyTemplates).values({ ...t, updatedBy: peter.id }).onConflictDoNothing();
  if (!options.workday) return;

  const people: { debtorId: string; caseId: string; caseNumber: string; ocr: string; creditorId: string; leftOre: number }[] = [];
  let seq = 7000;
  for (const [n, p] of WORKDAY_PEOPLE.entries()) {
    seq += 1;
    const pnr = generateValidPersonnummer(p.born, 100 + n * 7);
    const [debtor] = await tx
      .insert(s.debtors)
      .values({
        personalNumberHash: personalNumberHash(pnr, config.KVITT_PNR_HASH_KEY),
        personalNumberEncrypted: sealPersonalNumber(pnr, personalNumberKeyring()),
        birthDate: p.born,
        givenName: p.given,
        surname: p.surname,
        email: `${p.given.toLowerCase()}.${p.surname.toLowerCase().replace(/ö/g, "o")}@example.se`,
        phone: `+4670555${String(1000 + n).padStart(4, "0")}`,
        street: `Parkvägen ${n + 2}`,
        postcode: "123 45",
        city: n % 2 ? "Uppsala" : "Västerås",
        preferredChannel: n % 3 === 0 ? "email" : "kivra",
        language: n === 1 || n === 10 ? "en" : "sv",
      })
      .returning({ id: s.debtors.id });
    const originalDueDate = addDays(today, -40 - n * 3);
    const letterOn = addDays(originalDueDate, 24);
    const caseNumber = `K-${today.slice(0, 4)}-${String(seq).padStart(6, "0")}`;
    const ocr = makeOcr(String(seq).padStart(8, "0"), { withLength: true });
    const creditorId = creditors.get(p.creditor)!;
    const [row] = await tx
      .insert(s.cases)
      .values({
        caseNumber,
        creditorId,
        debtorId: debtor!.id,
        invoiceNumber: p.invoice,
        invoiceDate: addDays(originalDueDate, -30),
        originalDueDate,
        description: p.description,
        principalOre: p.principalOre,
        ocrReference: ocr,
        collectionLetterSentOn: letterOn,
        dueDate: addDays(today, 10 + n),
        paymentOrderFrom: addDays(today, 30 + n),
      })
      .returning({ id: s.cases.id });
    await tx.insert(s.charges).values({ caseId: row!.id, kind: "collection_fee", amountOre: FEE_RULES.collection_fee.capOre, chargedOn: letterOn, legalBasis: FEE_RULES.collection_fee.legalBasis });
    await tx.insert(s.caseDocuments).values({ caseId: row!.id, kind: "collection_letter", issuedOn: letterOn });
    await tx.insert(s.outbox).values({ debtorId: debtor!.id, caseId: row!.id, channel: "kivra", kind: "collection_letter", payload: { caseNumber }, status: "sent", dedupeKey: `demo-workday-letter-${seq}`, scheduledFor: new Date(`${letterOn}T07:00:00Z`), sentAt: new Date(`${letterOn}T07:05:00Z`) });
    await tx.insert(s.deepLinkTokens).values({ tokenHash: `demo-workday-${seq}`, debtorId: debtor!.id, caseId: row!.id, channel: "kivra", expiresAt: new Date(`${addDays(today, 30)}T00:00:00Z`), openedCount: 1 + (n % 3), lastOpenedAt: hoursFrom(noon, -30 - n * 5) });
    people.push({ debtorId: debtor!.id, caseId: row!.id, caseNumber, ocr, creditorId, leftOre: p.principalOre + FEE_RULES.collection_fee.capOre });
  }

  // Messages and callback requests, each with its reply clock; the first is the oldest overdue item.
  const dueOffsets = [-30, -6, -1, 1, 5, 26];
  for (const [n, body] of MESSAGES.entries()) {
    const p = people[n]!;
    const at = hoursFrom(noon, dueOffsets[n]! - 24);
    const dueBy = hoursFrom(noon, dueOffsets[n]!);
    const [thread] = await tx.insert(s.threads).values({ debtorId: p.debtorId, caseId: p.caseId, replyDueOn: todayInStockholm(dueBy), createdAt: at, lastMessageAt: at }).returning({ id: s.threads.id });
    await tx.insert(s.messages).values({ threadId: thread!.id, author: "debtor", body, createdAt: at });
    await openWorkItem(tx, { kind: "message", subjectId: thread!.id, debtorId: p.debtorId, caseId: p.caseId, creditorId: p.creditorId, dueBy, summary: p.caseNumber });
  }
  for (const [n, hours] of [-2, 1.5, 4].entries()) {
    const p = people[6 + n]!;
    const at = hoursFrom(noon, hours - 20);
    const [callback] = await tx
      .insert(s.callbackRequests)
      .values({ debtorId: p.debtorId, caseId: p.caseId, phone: `+4670555${String(1006 + n).padStart(4, "0")}`, day: todayInStockholm(hoursFrom(noon, hours)), startHour: 10, endHour: 12, topic: CALLBACK_TOPICS[n]!, createdAt: at })
      .returning({ id: s.callbackRequests.id });
    await openWorkItem(tx, { kind: "callback", subjectId: callback!.id, debtorId: p.debtorId, caseId: p.caseId, creditorId: p.creditorId, dueBy: hoursFrom(noon, hours), summary: p.caseNumber });
  }
  // Disputes: the case is on hold until a person decides.
  for (const [n, hours] of [-4, 50].entries()) {
    const p = people[9 + n]!;
    const [dispute] = await tx
      .insert(s.disputes)
      .values({
        caseId: p.caseId,
        debtorId: p.debtorId,
        reason: n ? "already_paid" : "not_received",
        description: n ? "Jag har redan betalat den här fakturan." : "Jag har aldrig beställt det här.",
        part: "all",
        disputedOre: p.leftOre,
        createdAt: hoursFrom(noon, hours - 72),
      })
      .returning({ id: s.disputes.id });
    await tx.update(s.cases).set({ disputed: true }).where(eq(s.cases.id, p.caseId));
    await tx.insert(s.caseHolds).values({ caseId: p.caseId, kind: "dispute", disputeId: dispute!.id, reason: "dispute", startedAt: hoursFrom(noon, hours - 72) });
    await openWorkItem(tx, { kind: "dispute", subjectId: dispute!.id, debtorId: p.debtorId, caseId: p.caseId, creditorId: p.creditorId, dueBy: hoursFrom(noon, hours), summary: p.caseNumber });
  }

  // Plans asked for outside policy: the plan module opens their queue items itself.
  const planFor = async (p: (typeof people)[number], months: number, reason: string) => {
    await proposePlan(tx as unknown as Db, { debtorId: p.debtorId, answers: { caseIds: [p.caseId], months, dueDay: 25, method: "bankgiro" }, locale: "sv", now: hoursFrom(noon, -50), request: { reason, monthlyIncomeOre: 1_450_000, monthlyCostsOre: 1_320_000 } });
  };
  await planFor(people[2]!, 24, "Jag har fått lägre lön och klarar bara en liten summa i månaden.");
  await planFor(people[3]!, 48, "Jag studerar och har CSN som enda inkomst.");
  await planFor(people[6]!, 60, "Jag är pensionär och vill betala lite i taget.");
  await planFor(people[7]!, 12, "Jag har en annan skuld som jag betalar av först.");

  // Payments nobody could place (wrong references) and overpayments to pay back: booked as a bank file would.
  await bookPayments(tx as Tx, [
    { idempotencyKey: "demo-workday:unmatched:1", method: "bankgiro", amountOre: 45_000, bookedOn: addDays(today, -3), ocrReference: "9912345674", referenceChecked: true, payerName: "A. Andersson" },
    { idempotencyKey: "demo-workday:unmatched:2", method: "bankgiro", amountOre: 129_000, bookedOn: addDays(today, -1), ocrReference: null, referenceChecked: false, payerName: "Maja Lindgren" },
    { idempotencyKey: "demo-workday:unmatched:3", method: "bankgiro", amountOre: 20_000, bookedOn: today, ocrReference: "5550001112", referenceChecked: true, payerName: null },
    { idempotencyKey: "demo-workday:over:1", method: "bankgiro", amountOre: people[4]!.leftOre + 25_000, bookedOn: addDays(today, -2), caseId: people[4]!.caseId },
    { idempotencyKey: "demo-workday:over:2", method: "bankgiro", amountOre: people[11]!.leftOre + 10_000, bookedOn: addDays(today, -1), caseId: people[11]!.caseId },
  ], { kind: "system", id: "demo" });

  // Promises to pay that were not kept show up as broken.
  for (const [n, p] of [people[0]!, people[5]!, people[8]!].entries()) {
    await tx.insert(s.paymentPromises).values({ debtorId: p.debtorId, caseId: p.caseId, amountOre: 50_000 + n * 10_000, dueOn: addDays(today, -1 - n), createdBy: maria.id, createdAt: hoursFrom(noon, -24 * (8 + n)) });
  }
  await settlePromises(tx, noon);

  // Some items are already someone's; a few have notes.
  const open = await tx.select({ id: s.workItems.id, dueBy: s.workItems.dueBy }).from(s.workItems).where(inArray(s.workItems.debtorId, people.map((p) => p.debtorId))).orderBy(s.workItems.dueBy);
  const later = open.filter((w) => w.dueBy > noon);
  if (later[1]) await tx.update(s.workItems).set({ assignedTo: maria.id }).where(eq(s.workItems.id, later[1].id));
  if (later[2]) await tx.update(s.workItems).set({ assignedTo: peter.id }).where(eq(s.workItems.id, later[2].id));
  // Overdue items that waited longest should read as due before the rest of the day's work.
  await tx.execute(sql`update ${s.workItems} set due_by = ${hoursFrom(noon, -28).toISOString()}::timestamptz where kind = 'unmatched_payment' and summary = '9912345674'`);
  const notes = [
    [people[0]!, "Ringde och sa att hon betalat via internetbanken. Väntar på BgMax-filen."],
    [people[2]!, "Har en betalningsplan hos en annan uppdragsgivare. Var tydlig med summan."],
    [people[6]!, "Föredrar brev. Hör dåligt i telefon."],
    [people[9]!, "Invändning: säger att varan aldrig beställdes. Begärt underlag från Hemma & Handla."],
  ] as const;
  for (const [p, body] of notes) await tx.insert(s.staffNotes).values({ debtorId: p.debtorId, caseId: p.caseId, staffUserId: maria.id, body, createdAt: hoursFrom(noon, -20) });
  await tx.insert(s.debtorSupportNeeds).values({ debtorId: people[6]!.debtorId, kind: "hard_to_read", detailEncrypted: sealPersonalNumber("Ser dåligt. Skriv kort och med stor text.", personalNumberKeyring()), setBy: maria.id, setAt: hoursFrom(noon, -200) });
}
