import { eq } from "drizzle-orm";
import { addBankDays, addDays } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { makeOcr } from "../../domain/ocr";
import { complaintDueOn, dataAccessDueOn, replyDueBy, stockholmMoment } from "../../domain/talk";
import { env } from "../../env";
import { sealPersonalNumber, personalNumberHash } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import type { Queryable } from "../client";
import * as s from "../schema";
import { DEMO_DEBTORS } from "./demo-people";
import { TALK_DEMO_PEOPLE, TALK_DEMO_STAFF } from "./demo-talk-people";

const at = (day: string, time: string) => new Date(`${day}T${time}:00+01:00`);

async function personId(tx: Queryable, key: (typeof DEMO_DEBTORS)[number]["key"]) {
  const person = DEMO_DEBTORS.find((p) => p.key === key)!;
  const [row] = await tx.select({ id: s.debtors.id }).from(s.debtors).where(eq(s.debtors.personalNumberHash, personalNumberHash(person.personalNumber, env().KVITT_PNR_HASH_KEY)));
  const cases = await tx.select({ id: s.cases.id, creditorId: s.cases.creditorId, caseNumber: s.cases.caseNumber }).from(s.cases).where(eq(s.cases.debtorId, row!.id)).orderBy(s.cases.dueDate);
  return { id: row!.id, cases };
}

/**
 * Talking to us in the demo: Erik has a reply he has not read and a question waiting, Sara a
 * callback booked, Mohammed a complaint and Johan a data-access request, all in the staff queue.
 * Ulla and Tove (and Karin on the staff side) are the people of the end-to-end journeys.
 */
export async function seedDemoTalk(tx: Queryable, today: string): Promise<void> {
  const config = env();
  const [maria] = await tx.select({ id: s.staffUsers.id }).from(s.staffUsers).where(eq(s.staffUsers.role, "agent")).limit(1);
  for (const staff of TALK_DEMO_STAFF) {
    await tx.insert(s.staffUsers).values({ personalNumberHash: personalNumberHash(staff.personalNumber, config.KVITT_PNR_HASH_KEY), name: staff.name, role: staff.role });
  }

  const erik = await personId(tx, "erik");
  const telecom = erik.cases[0]!;
  const askedOn = addDays(today, -3);
  const [thread] = await tx
    .insert(s.threads)
    .values({ debtorId: erik.id, caseId: telecom.id, status: "waiting_for_debtor", replyDueOn: addBankDays(askedOn, 1), createdAt: at(askedOn, "09:12"), lastMessageAt: at(addDays(askedOn, 1), "10:40") })
    .returning({ id: s.threads.id });
  await tx.insert(s.messages).values([
    { threadId: thread!.id, author: "debtor", body: "Hej. Varför har jag fått en påminnelseavgift? Jag trodde att jag hade betalat i tid.", createdAt: at(askedOn, "09:12") },
    {
      threadId: thread!.id,
      author: "staff",
      staffUserId: maria?.id ?? null,
      body: "Hej Erik. Tack för att du skrev. Vi har inte fått någon betalning för fakturan. Har du betalat? Skicka gärna en bild på kvittot, så tittar vi på det.\n\nVänliga hälsningar\nMaria",
      createdAt: at(addDays(askedOn, 1), "10:40"),
    },
  ]);
  const generalOn = addDays(today, -1);
  const generalDue = addBankDays(generalOn, 1);
  const [general] = await tx
    .insert(s.threads)
    .values({ debtorId: erik.id, caseId: null, status: "waiting_for_us", replyDueOn: generalDue, createdAt: at(generalOn, "18:05"), lastMessageAt: at(generalOn, "18:05") })
    .returning({ id: s.threads.id });
  await tx.insert(s.messages).values({ threadId: general!.id, author: "debtor", body: "Kan jag få era brev på e-post i stället för i Kivra?", createdAt: at(generalOn, "18:05") });
  await tx.insert(s.workItems).values({ kind: "message", subjectId: general!.id, debtorId: erik.id, dueBy: replyDueBy(generalDue), summary: "Allmän fråga", createdAt: at(generalOn, "18:05") });

  const sara = await personId(tx, "sara");
  const callDay = addBankDays(today, 1);
  const [call] = await tx
    .insert(s.callbackRequests)
    .values({ debtorId: sara.id, caseId: sara.cases[0]!.id, phone: "+46701234567", day: callDay, startHour: 14, endHour: 16, topic: "Jag vill prata om en avbetalningsplan för mitt lån.", createdAt: at(today, "08:30") })
    .returning({ id: s.callbackRequests.id });
  await tx.insert(s.workItems).values({ kind: "callback", subjectId: call!.id, debtorId: sara.id, caseId: sara.cases[0]!.id, creditorId: sara.cases[0]!.creditorId, dueBy: stockholmMoment(callDay, 14), summary: `Ring upp ${callDay} 14–16` });

  const mohammed = await personId(tx, "mohammed");
  const complainedOn = addDays(today, -2);
  const complaintDue = complaintDueOn(at(complainedOn, "12:00"));
  const [complaint] = await tx
    .insert(s.personRequests)
    .values({
      kind: "complaint",
      debtorId: mohammed.id,
      caseId: mohammed.cases[0]!.id,
      body: "Jag ringde er förra veckan och fick vänta i 40 minuter. Sedan bröts samtalet. Det är inte okej.",
      dueOn: complaintDue,
      createdAt: at(complainedOn, "12:00"),
    })
    .returning({ id: s.personRequests.id });
  await tx.insert(s.workItems).values({ kind: "complaint", subjectId: complaint!.id, debtorId: mohammed.id, caseId: mohammed.cases[0]!.id, dueBy: replyDueBy(complaintDue), summary: "Klagomål" });

  const johan = await personId(tx, "johan");
  const accessDue = dataAccessDueOn(at(today, "07:50"));
  const [access] = await tx.insert(s.personRequests).values({ kind: "data_access", debtorId: johan.id, dueOn: accessDue, createdAt: at(today, "07:50") }).returning({ id: s.personRequests.id });
  await tx.insert(s.workItems).values({ kind: "data_access", subjectId: access!.id, debtorId: johan.id, dueBy: replyDueBy(accessDue), summary: "Registerutdrag" });

  // The journeys' own people: one small web-shop case each.
  const [shop] = await tx.select({ id: s.creditors.id }).from(s.creditors).where(eq(s.creditors.kind, "webshop")).limit(1);
  let seq = 5100;
  for (const person of TALK_DEMO_PEOPLE) {
    seq += 1;
    const [debtor] = await tx
      .insert(s.debtors)
      .values({
        personalNumberHash: personalNumberHash(person.personalNumber, config.KVITT_PNR_HASH_KEY),
        personalNumberEncrypted: sealPersonalNumber(person.personalNumber, personalNumberKeyring()),
        birthDate: `${person.personalNumber.slice(0, 4)}-${person.personalNumber.slice(4, 6)}-${person.personalNumber.slice(6, 8)}`,
        givenName: person.givenName,
        surname: person.surname,
        email: `${person.givenName.toLowerCase()}@example.se`,
        phone: "+46731234567",
        preferredChannel: "email",
        language: "sv",
      })
      .returning({ id: s.debtors.id });
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
        principalOre: 59900,
        ocrReference: makeOcr(String(seq).padStart(8, "0"), { withLength: true }),
        status: "open",
        collectionLetterSentOn: letterOn,
        dueDate: addDays(today, 14),
        paymentOrderFrom: addDays(today, 28),
      })
      .returning({ id: s.cases.id });
    await tx.insert(s.charges).values({ caseId: row!.id, kind: "collection_fee", amountOre: FEE_RULES.collection_fee.capOre, chargedOn: letterOn, legalBasis: FEE_RULES.collection_fee.legalBasis });
    await tx.insert(s.caseDocuments).values({ caseId: row!.id, kind: "collection_letter", issuedOn: letterOn });
  }
}
