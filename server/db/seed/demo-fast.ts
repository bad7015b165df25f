import { addDays } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { makeOcr } from "../../domain/ocr";
import { env } from "../../env";
import { sealPersonalNumber, personalNumberHash } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import type { Queryable } from "../client";
import * as s from "../schema";

/** People of their own for the tests of pages without JavaScript: they pay and make plans there. */
export const DEMO_FAST_PEOPLE = [
  { personalNumber: "199207243289", givenName: "Ida", surname: "Ek", caseSeq: 9101 },
  { personalNumber: "198703156128", givenName: "Olof", surname: "Ström", caseSeq: 9111 },
] as const;

/** Each has two open cases: a phone bill at Norrsken Mobil AB and a web-shop order at Hemma & Handla AB. */
export async function seedFastDemo(tx: Queryable, today: string, creditorIds: { telecom: string; shop: string }): Promise<void> {
  const config = env();
  for (const person of DEMO_FAST_PEOPLE) {
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
        preferredChannel: "kivra",
        language: "sv",
      })
      .returning({ id: s.debtors.id });
    if (!debtor) throw new Error("debtor not created");
    const cases = [
      { creditorId: creditorIds.telecom, invoiceNumber: `NM-${person.caseSeq}`, description: "mobile_subscription", principalOre: 248_000, dueDaysAgo: 60 },
      { creditorId: creditorIds.shop, invoiceNumber: `HH-${person.caseSeq}`, description: "webshop_order", principalOre: 89_900, dueDaysAgo: 45 },
    ];
    for (const [n, c] of cases.entries()) {
      const seq = person.caseSeq + n;
      const originalDueDate = addDays(today, -c.dueDaysAgo);
      const letterOn = addDays(originalDueDate, 24);
      const [row] = await tx
        .insert(s.cases)
        .values({
          caseNumber: `K-${today.slice(0, 4)}-${String(seq).padStart(6, "0")}`,
          creditorId: c.creditorId,
          debtorId: debtor.id,
          invoiceNumber: c.invoiceNumber,
          invoiceDate: addDays(originalDueDate, -30),
          originalDueDate,
          description: c.description,
          principalOre: c.principalOre,
          ocrReference: makeOcr(String(seq).padStart(8, "0"), { withLength: true }),
          status: "open",
          collectionLetterSentOn: letterOn,
          dueDate: addDays(today, 14),
          paymentOrderFrom: addDays(today, 28),
        })
        .returning({ id: s.cases.id });
      if (!row) throw new Error("case not created");
      await tx.insert(s.charges).values({ caseId: row.id, kind: "collection_fee", amountOre: FEE_RULES.collection_fee.capOre, chargedOn: letterOn, legalBasis: FEE_RULES.collection_fee.legalBasis });
      await tx.insert(s.caseDocuments).values({ caseId: row.id, kind: "collection_letter", issuedOn: letterOn });
    }
  }
}
