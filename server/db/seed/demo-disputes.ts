import { and, eq } from "drizzle-orm";
import { addDays } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { makeOcr } from "../../domain/ocr";
import { env } from "../../env";
import { createDeepLink } from "../../modules/deep-links/deep-links";
import { submitDispute } from "../../modules/disputes/submit";
import { sealPersonalNumber, personalNumberHash } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import type { Queryable } from "../client";
import * as s from "../schema";
import { DEMO_DISPUTE_DEBTORS, DEMO_DISPUTE_STAFF } from "./demo-dispute-people";
import { DEMO_DEBTORS } from "./demo-people";

/**
 * Disputes in the demo: Lena Berg's web-shop case is under an open dispute (its hold and the staff
 * queue's item with it), made through the same module as a real one. Karin Ek and Oskar Lund each
 * have one undisputed case to dispute, and Eva Strand is a case handler to decide it.
 */
export async function seedDemoDisputes(tx: Queryable, today: string): Promise<void> {
  const config = env();
  const hash = (pnr: string) => personalNumberHash(pnr, config.KVITT_PNR_HASH_KEY);

  const lena = DEMO_DEBTORS.find((d) => d.key === "lena")!;
  const [lenaCase] = await tx
    .select({ id: s.cases.id, debtorId: s.cases.debtorId })
    .from(s.cases)
    .innerJoin(s.debtors, eq(s.debtors.id, s.cases.debtorId))
    .where(and(eq(s.debtors.personalNumberHash, hash(lena.personalNumber)), eq(s.cases.invoiceNumber, "HH-77001")));
  if (lenaCase) {
    await submitDispute(tx, {
      debtorId: lenaCase.debtorId,
      caseId: lenaCase.id,
      reason: "not_received",
      part: "all",
      amountOre: null,
      description: "Paketet kom aldrig fram. Jag har frågat PostNord och de hittar det inte.",
      now: new Date(`${addDays(today, -6)}T09:30:00Z`),
    });
  }

  await tx.insert(s.staffUsers).values({ personalNumberHash: hash(DEMO_DISPUTE_STAFF.personalNumber), name: DEMO_DISPUTE_STAFF.name, role: DEMO_DISPUTE_STAFF.role });

  const [shop] = await tx.select({ id: s.creditors.id }).from(s.creditors).where(eq(s.creditors.name, "Hemma & Handla AB"));
  for (const [n, person] of DEMO_DISPUTE_DEBTORS.entries()) {
    const [debtor] = await tx
      .insert(s.debtors)
      .values({
        personalNumberHash: hash(person.personalNumber),
        personalNumberEncrypted: sealPersonalNumber(person.personalNumber, personalNumberKeyring()),
        birthDate: `${person.personalNumber.slice(0, 4)}-${person.personalNumber.slice(4, 6)}-${person.personalNumber.slice(6, 8)}`,
        givenName: person.givenName,
        surname: person.surname,
        email: `${person.givenName.toLowerCase()}@example.se`,
        phone: "+46701234568",
        street: "Lillgatan 2",
        postcode: "123 46",
        city: "Storstad",
        preferredChannel: "email",
        language: person.key === "oskar" ? "en" : "sv",
      })
      .returning({ id: s.debtors.id });
    const originalDueDate = addDays(today, -45);
    const letterOn = addDays(originalDueDate, 24);
    const [row] = await tx
      .insert(s.cases)
      .values({
        caseNumber: `K-${today.slice(0, 4)}-${String(4900 + n).padStart(6, "0")}`,
        creditorId: shop!.id,
        debtorId: debtor!.id,
        invoiceNumber: person.invoiceNumber,
        invoiceDate: addDays(originalDueDate, -30),
        originalDueDate,
        description: "webshop_order",
        principalOre: person.principalOre,
        ocrReference: makeOcr(String(4900 + n).padStart(8, "0"), { withLength: true }),
        status: "open",
        collectionLetterSentOn: letterOn,
        dueDate: addDays(today, 12),
        paymentOrderFrom: addDays(today, 26),
      })
      .returning({ id: s.cases.id });
    await tx.insert(s.charges).values({ caseId: row!.id, kind: "collection_fee", amountOre: FEE_RULES.collection_fee.capOre, chargedOn: letterOn, legalBasis: FEE_RULES.collection_fee.legalBasis });
    await tx.insert(s.caseDocuments).values({ caseId: row!.id, kind: "collection_letter", issuedOn: letterOn });
    await createDeepLink(tx, { debtorId: debtor!.id, caseId: row!.id, channel: "email", token: `demo-${person.key}`, now: new Date(`${today}T08:00:00Z`), ttlDays: 3650 });
  }
}
