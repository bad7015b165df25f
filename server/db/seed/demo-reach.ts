import { asc, eq } from "drizzle-orm";
import { addDays } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { makeOcr } from "../../domain/ocr";
import { channelOrder, stockholmTime } from "../../domain/outreach";
import { env } from "../../env";
import { emailText, smsText } from "../../modules/outreach/compose";
import { renderContent } from "../../modules/outreach/render";
import { encryptPersonalNumber, personalNumberHash } from "../../security/personal-number";
import { REACH_DEMO_PERSON } from "./demo-reach-people";
import type { Queryable } from "../client";
import * as s from "../schema";

/**
 * A few days of messages already sent, so the demo's history is not empty: each person's
 * collection letter five days ago in their channel, delivered, and Sara's SMS reminder two days
 * ago. Erik has chosen e-mail first; a reminder to him waits in the outbox and goes out when the
 * demo starts, so `/sim/inbox` has something to show.
 */
export async function seedDemoReach(tx: Queryable, today: string): Promise<void> {
  const config = env();
  await seedReachPerson(tx, today);
  const people = await tx.select().from(s.debtors).orderBy(asc(s.debtors.createdAt));
  for (const person of people) {
    const [first] = await tx.select().from(s.cases).where(eq(s.cases.debtorId, person.id)).orderBy(asc(s.cases.dueDate)).limit(1);
    if (!first) continue;
    const channel = channelOrder(person.channelOrder, person.preferredChannel)[0]!;
    const sentAt = stockholmTime(addDays(today, -5), 10);
    const content = await renderContent(tx, { debtorId: person.id, caseId: first.id, kind: "collection_letter", payload: {}, language: person.language, now: sentAt, bankgiro: config.KVITT_BANKGIRO });
    await tx.insert(s.outbox).values({
      debtorId: person.id,
      caseId: first.id,
      channel,
      kind: "collection_letter",
      payload: {},
      status: "delivered",
      dedupeKey: `demo:${person.id}:collection_letter`,
      scheduledFor: sentAt,
      language: person.language,
      subject: content.subject,
      bodyText: channel === "sms" ? smsText(content, `${config.PUBLIC_BASE_URL}/l/demo`) : emailText(content, null, null),
      rendered: content as unknown as Record<string, unknown>,
      recipient: channel === "sms" ? person.phone : channel === "email" ? person.email : null,
      providerId: `demo-${person.id.slice(0, 8)}`,
      attempts: 1,
      sendingAt: sentAt,
      sentAt,
      deliveredAt: new Date(sentAt.getTime() + 60_000),
    });
  }
  const sara = people.find((p) => p.givenName === "Sara");
  const [saraCase] = sara ? await tx.select().from(s.cases).where(eq(s.cases.debtorId, sara.id)).orderBy(asc(s.cases.dueDate)).limit(1) : [];
  if (sara && saraCase) {
    const sentAt = stockholmTime(addDays(today, -2), 9);
    await tx.insert(s.outbox).values({
      debtorId: sara.id,
      caseId: saraCase.id,
      channel: "sms",
      kind: "pre_due_reminder",
      payload: { when: "before", dueDate: saraCase.dueDate },
      status: "delivered",
      dedupeKey: `demo:${sara.id}:reminder`,
      scheduledFor: sentAt,
      language: "sv",
      subject: "Påminnelse",
      bodyText: `Kvitt: Du har en påminnelse från oss. Läs den här: ${config.PUBLIC_BASE_URL}/l/demo-sara`,
      recipient: sara.phone,
      providerId: "demo-sara-sms",
      attempts: 1,
      sendingAt: sentAt,
      sentAt,
      deliveredAt: new Date(sentAt.getTime() + 30_000),
    });
  }
  const erik = people.find((p) => p.givenName === "Erik");
  const [erikCase] = erik ? await tx.select().from(s.cases).where(eq(s.cases.debtorId, erik.id)).orderBy(asc(s.cases.dueDate)).limit(1) : [];
  if (erik && erikCase) {
    await tx.update(s.debtors).set({ channelOrder: ["email", "kivra"] }).where(eq(s.debtors.id, erik.id));
    await tx.insert(s.outbox).values({
      debtorId: erik.id,
      caseId: erikCase.id,
      channel: "email",
      kind: "pre_due_reminder",
      payload: { when: "before", dueDate: erikCase.dueDate },
      dedupeKey: `demo:${erik.id}:reminder-now`,
      scheduledFor: stockholmTime(today, 0),
    });
  }
}

/**
 * The messages journey's own person: one web-shop case, e-mail first (verified), no mobile number
 * yet. A reminder to her waits in the outbox; the end-to-end test follows it to the case, then
 * adds her number and chooses SMS.
 */
async function seedReachPerson(tx: Queryable, today: string): Promise<void> {
  const config = env();
  const person = REACH_DEMO_PERSON;
  const [shop] = await tx.select({ id: s.creditors.id }).from(s.creditors).where(eq(s.creditors.kind, "webshop")).limit(1);
  const [debtor] = await tx
    .insert(s.debtors)
    .values({
      personalNumberHash: personalNumberHash(person.personalNumber, config.KVITT_PNR_HASH_KEY),
      personalNumberEncrypted: encryptPersonalNumber(person.personalNumber, config.KVITT_PNR_ENCRYPTION_KEY),
      birthDate: `${person.personalNumber.slice(0, 4)}-${person.personalNumber.slice(4, 6)}-${person.personalNumber.slice(6, 8)}`,
      givenName: person.givenName,
      surname: person.surname,
      email: "vera@example.se",
      emailVerifiedAt: new Date(`${addDays(today, -30)}T10:00:00Z`),
      street: "Sjögatan 4",
      postcode: "411 05",
      city: "Göteborg",
      preferredChannel: "email",
      channelOrder: ["email"],
      language: "sv",
    })
    .returning({ id: s.debtors.id });
  const seq = 5301;
  const dueOn = addDays(today, -40);
  const letterOn = addDays(dueOn, 24);
  const [row] = await tx
    .insert(s.cases)
    .values({
      caseNumber: `K-${today.slice(0, 4)}-${String(seq).padStart(6, "0")}`,
      creditorId: shop!.id,
      debtorId: debtor!.id,
      invoiceNumber: `HH-9${seq}`,
      invoiceDate: addDays(dueOn, -30),
      originalDueDate: dueOn,
      description: "webshop_order",
      principalOre: 74_900,
      ocrReference: makeOcr(String(seq).padStart(8, "0"), { withLength: true }),
      status: "open",
      collectionLetterSentOn: letterOn,
      dueDate: addDays(today, 3),
      paymentOrderFrom: addDays(today, 28),
    })
    .returning({ id: s.cases.id });
  await tx.insert(s.charges).values({ caseId: row!.id, kind: "collection_fee", amountOre: FEE_RULES.collection_fee.capOre, chargedOn: letterOn, legalBasis: FEE_RULES.collection_fee.legalBasis });
  await tx.insert(s.caseDocuments).values({ caseId: row!.id, kind: "collection_letter", issuedOn: letterOn });
  // Three days before her due date: the reminder, due now.
  await tx.insert(s.outbox).values({
    debtorId: debtor!.id,
    caseId: row!.id,
    channel: "email",
    kind: "pre_due_reminder",
    payload: { when: "before", dueDate: addDays(today, 3) },
    dedupeKey: `demo:${debtor!.id}:reminder-before`,
    scheduledFor: stockholmTime(today, 0),
  });
}
