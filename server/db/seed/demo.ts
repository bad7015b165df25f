import { sql } from "drizzle-orm";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { SWEDISH_REFERENCE_RATES } from "../../domain/interest";
import { makeOcr } from "../../domain/ocr";
import { env } from "../../env";
import { personalNumberHash, sealPersonalNumber } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import type { Db, Queryable } from "../client";
import * as s from "../schema";
import { seedDemoReach } from "./demo-reach";
import { createDeepLink } from "../../modules/deep-links/deep-links";
import { seedFastDemo } from "./demo-fast";
import { DEMO_DEBTORS, DEMO_STAFF } from "./demo-people";
import { seedDemoDisputes } from "./demo-disputes";
import { seedDemoTalk } from "./demo-talk";
import { seedDemoWorkplace } from "./demo-workplace";

type CaseSeed = {
  creditor: CreditorKey;
  invoiceNumber: string;
  description: string;
  principalOre: number;
  /** Days before today that the original bill fell due. */
  dueDaysAgo: number;
  reminderFee?: boolean;
  /** Disputed by its debtor (seeded as a real dispute in demo-disputes.ts). */
  disputed?: boolean;
  /** Days from today by which the collection letter asks for payment. */
  dueInDays: number;
  /** Days from today when a payment order may be sought. */
  paymentOrderInDays?: number;
};

type CreditorKey = "telecom" | "shop" | "landlord" | "lender";

export const DEMO_CREDITORS: Record<
  CreditorKey,
  { name: string; orgNumber: string; kind: string; policy: typeof s.creditorPolicies.$inferInsert extends infer P ? Omit<P, "creditorId"> : never }
> = {
  telecom: {
    name: "Norrsken Mobil AB",
    orgNumber: "556677-8899",
    kind: "telecom",
    policy: { minInstalmentOre: 20000, maxPlanMonths: 12, maxDueDateShiftDays: 14, chargePlanFee: true, allowPlanPause: false },
  },
  shop: {
    name: "Hemma & Handla AB",
    orgNumber: "556123-4567",
    kind: "webshop",
    policy: { minInstalmentOre: 15000, maxPlanMonths: 6, maxDueDateShiftDays: 10, chargePlanFee: false, allowPlanPause: false },
  },
  landlord: {
    name: "Bostads AB Tallbacken",
    orgNumber: "556890-1234",
    kind: "landlord",
    policy: { minInstalmentOre: 50000, maxPlanMonths: 6, maxDueDateShiftDays: 7, chargePlanFee: true, allowPlanPause: false },
  },
  lender: {
    name: "Studiekassan Lån AB",
    orgNumber: "556345-6789",
    kind: "lender",
    policy: { minInstalmentOre: 10000, maxPlanMonths: 36, maxDueDateShiftDays: 20, chargePlanFee: true, allowPlanPause: true },
  },
};

const DEMO_CASES: Record<(typeof DEMO_DEBTORS)[number]["key"], CaseSeed[]> = {
  anna: [
    { creditor: "shop", invoiceNumber: "HH-88213", description: "webshop_order", principalOre: 34900, dueDaysAgo: 48, reminderFee: true, dueInDays: 12 },
  ],
  erik: [
    { creditor: "telecom", invoiceNumber: "NM-2026-10-4411", description: "mobile_subscription", principalOre: 129900, dueDaysAgo: 62, reminderFee: true, dueInDays: 9 },
    { creditor: "shop", invoiceNumber: "HH-90102", description: "webshop_order", principalOre: 249500, dueDaysAgo: 40, reminderFee: false, dueInDays: 16 },
    { creditor: "landlord", invoiceNumber: "TB-1011-11", description: "rent", principalOre: 812500, dueDaysAgo: 35, reminderFee: true, dueInDays: 20 },
  ],
  sara: [
    { creditor: "lender", invoiceNumber: "SK-55120", description: "study_loan", principalOre: 450000, dueDaysAgo: 75, reminderFee: true, dueInDays: 6 },
    { creditor: "telecom", invoiceNumber: "NM-2026-09-0192", description: "mobile_subscription", principalOre: 39900, dueDaysAgo: 90, reminderFee: true, dueInDays: 6 },
  ],
  mohammed: [
    { creditor: "lender", invoiceNumber: "SK-40011", description: "consumer_loan", principalOre: 1200000, dueDaysAgo: 150, reminderFee: true, dueInDays: 30 },
  ],
  lena: [
    { creditor: "shop", invoiceNumber: "HH-77001", description: "webshop_order", principalOre: 189000, dueDaysAgo: 55, reminderFee: true, disputed: true, dueInDays: 14 },
  ],
  johan: [
    { creditor: "telecom", invoiceNumber: "NM-2026-07-7781", description: "mobile_subscription", principalOre: 318000, dueDaysAgo: 120, reminderFee: true, dueInDays: 3, paymentOrderInDays: 5 },
  ],
};

/**
 * Creates the demo agency when the database has no creditors yet. Safe to call on every start.
 * `workday` adds a support agent's working day (its own people, queue items and payments); the
 * running demo has it, tests that count every payment leave it out.
 */
export async function seedDemoIfEmpty(db: Db, today = todayInStockholm(new Date()), options: { workday?: boolean } = {}): Promise<boolean> {
  return db.transaction(async (tx) => {
    // One seeder at a time, even if two processes start together.
    await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
    const existing = await tx.select({ id: s.creditors.id }).from(s.creditors).limit(1);
    if (existing.length > 0) return false;
    await seedDemo(tx, today, options.workday ?? false);
    return true;
  });
}

export async function seedReferenceRates(db: Queryable): Promise<void> {
  await db
    .insert(s.referenceRates)
    .values(SWEDISH_REFERENCE_RATES.map((r) => ({ fromDate: r.from, referenceRateBp: r.referenceRateBp })))
    .onConflictDoNothing();
}

async function seedDemo(tx: Queryable, today: string, workday: boolean): Promise<void> {
  const config = env();
  await seedReferenceRates(tx);

  const creditorIds = {} as Record<CreditorKey, string>;
  for (const [key, c] of Object.entries(DEMO_CREDITORS) as [CreditorKey, (typeof DEMO_CREDITORS)[CreditorKey]][]) {
    const [row] = await tx.insert(s.creditors).values({ name: c.name, orgNumber: c.orgNumber, kind: c.kind }).returning({ id: s.creditors.id });
    if (!row) throw new Error("creditor not created");
    creditorIds[key] = row.id;
    await tx.insert(s.creditorPolicies).values({ creditorId: row.id, ...c.policy });
  }

  for (const staff of DEMO_STAFF) {
    await tx.insert(s.staffUsers).values({
      personalNumberHash: personalNumberHash(staff.personalNumber, config.KVITT_PNR_HASH_KEY),
      name: staff.name,
      role: staff.role,
    });
  }

  let caseSeq = 4200;
  for (const person of DEMO_DEBTORS) {
    const [debtor] = await tx
      .insert(s.debtors)
      .values({
        personalNumberHash: personalNumberHash(person.personalNumber, config.KVITT_PNR_HASH_KEY),
        personalNumberEncrypted: sealPersonalNumber(person.personalNumber, personalNumberKeyring()),
        birthDate: `${person.personalNumber.slice(0, 4)}-${person.personalNumber.slice(4, 6)}-${person.personalNumber.slice(6, 8)}`,
        givenName: person.givenName,
        surname: person.surname,
        email: `${person.givenName.toLowerCase()}@example.se`,
        phone: "+46701234567",
        street: "Storgatan 1",
        postcode: "123 45",
        city: "Storstad",
        preferredChannel: person.key === "sara" ? "sms" : "kivra",
        language: "sv",
      })
      .returning({ id: s.debtors.id });
    if (!debtor) throw new Error("debtor not created");

    let firstCaseId: string | null = null;
    for (const c of DEMO_CASES[person.key]) {
      caseSeq += 1;
      const originalDueDate = addDays(today, -c.dueDaysAgo);
      const reminderOn = addDays(originalDueDate, 10);
      const letterOn = addDays(originalDueDate, 24);
      const [row] = await tx
        .insert(s.cases)
        .values({
          caseNumber: `K-${today.slice(0, 4)}-${String(caseSeq).padStart(6, "0")}`,
          creditorId: creditorIds[c.creditor],
          debtorId: debtor.id,
          invoiceNumber: c.invoiceNumber,
          invoiceDate: addDays(originalDueDate, -30),
          originalDueDate,
          description: c.description,
          principalOre: c.principalOre,
          ocrReference: makeOcr(String(caseSeq).padStart(8, "0"), { withLength: true }),
          status: "open",
          reminderSentOn: c.reminderFee ? reminderOn : null,
          collectionLetterSentOn: letterOn,
          dueDate: addDays(today, c.dueInDays),
          paymentOrderFrom: addDays(today, c.paymentOrderInDays ?? c.dueInDays + 14),
        })
        .returning({ id: s.cases.id });
      if (!row) throw new Error("case not created");
      firstCaseId ??= row.id;
      const charges: (typeof s.charges.$inferInsert)[] = [];
      if (c.reminderFee) {
        charges.push({ caseId: row.id, kind: "reminder_fee", amountOre: FEE_RULES.reminder_fee.capOre, chargedOn: reminderOn, legalBasis: FEE_RULES.reminder_fee.legalBasis });
      }
      charges.push({ caseId: row.id, kind: "collection_fee", amountOre: FEE_RULES.collection_fee.capOre, chargedOn: letterOn, legalBasis: FEE_RULES.collection_fee.legalBasis });
      await tx.insert(s.charges).values(charges);
      await tx.insert(s.caseDocuments).values([
        ...(c.reminderFee ? [{ caseId: row.id, kind: "reminder", issuedOn: reminderOn }] : []),
        { caseId: row.id, kind: "collection_letter", issuedOn: letterOn },
      ]);
    }
    // A known link per person, as if from their latest message (the README lists them).
    await createDeepLink(tx, {
      debtorId: debtor.id,
      caseId: firstCaseId,
      channel: person.key === "sara" ? "sms" : "kivra",
      token: `demo-${person.key}`,
      now: new Date(`${today}T08:00:00Z`),
      ttlDays: 3650,
    });
  }
  await seedDemoDisputes(tx, today);
  await seedDemoTalk(tx, today);
  await seedDemoWorkplace(tx, today, { workday });
  await seedFastDemo(tx, today, creditorIds);
  await seedDemoReach(tx, today);
}
