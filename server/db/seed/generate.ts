import { sql } from "drizzle-orm";
import { addDays, todayInStockholm } from "../../domain/calendar";
import { FEE_RULES } from "../../domain/fees";
import { makeOcr } from "../../domain/ocr";
import { generateValidPersonnummer } from "../../domain/personnummer";
import { env } from "../../env";
import { personalNumberHash, sealPersonalNumber } from "../../security/personal-number";
import { personalNumberKeyring } from "../../security/keyring";
import { rowsOf, type Db } from "../client";
import * as s from "../schema";

const GIVEN = ["Anna", "Erik", "Sara", "Johan", "Maria", "Ali", "Elin", "Oskar", "Fatima", "Lars", "Emma", "Ahmed", "Karin", "Nils", "Ida"];
const SURNAMES = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Hassan", "Lindberg"];
const DESCRIPTIONS = ["webshop_order", "mobile_subscription", "rent", "study_loan", "consumer_loan"];

/** A small deterministic generator, so two runs make the same data set. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/**
 * Generates a large agency for benchmarks: N debtors with about `casesPerDebtor` cases each, over
 * the creditors already in the database. Written in batches, one transaction per batch.
 */
export async function seedGenerated(
  db: Db,
  options: { debtors: number; casesPerDebtor: number; batchSize?: number; onProgress?: (done: number) => void },
): Promise<void> {
  const config = env();
  const keyring = personalNumberKeyring();
  const today = todayInStockholm(new Date());
  const rand = random(options.debtors * 7919);
  const creditorIds = (await db.select({ id: s.creditors.id }).from(s.creditors)).map((c) => c.id);
  if (creditorIds.length === 0) throw new Error("seed the demo creditors first");
  const batchSize = options.batchSize ?? 1000;
  // Case numbers and OCR references continue after whatever is there already.
  const counted = await db.execute<{ n: number }>(sql`select count(*)::int as n from cases`);
  const existingCases = Number(rowsOf<{ n: number }>(counted)[0]?.n ?? 0);
  let caseSeq = 1_000_000 + existingCases;

  for (let start = 0; start < options.debtors; start += batchSize) {
    const count = Math.min(batchSize, options.debtors - start);
    await db.transaction(async (tx) => {
      const debtorRows = Array.from({ length: count }, (_, i) => {
        const n = start + i;
        const year = 1950 + Math.floor(rand() * 57);
        const birthDate = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
        const pnr = generateValidPersonnummer(birthDate, n % 1000);
        return {
          personalNumberHash: personalNumberHash(`${pnr}:${n}`, config.KVITT_PNR_HASH_KEY),
          personalNumberEncrypted: sealPersonalNumber(pnr, keyring),
          birthDate,
          givenName: GIVEN[n % GIVEN.length]!,
          surname: SURNAMES[Math.floor(n / GIVEN.length) % SURNAMES.length]!,
          preferredChannel: (["kivra", "sms", "email", "paper"] as const)[n % 4]!,
        };
      });
      const inserted = await tx.insert(s.debtors).values(debtorRows).returning({ id: s.debtors.id });
      const caseRows: (typeof s.cases.$inferInsert)[] = [];
      for (const debtor of inserted) {
        const cases = Math.max(1, Math.round(options.casesPerDebtor + (rand() - 0.5) * 2));
        for (let c = 0; c < cases; c++) {
          caseSeq += 1;
          const originalDueDate = addDays(today, -(20 + Math.floor(rand() * 300)));
          caseRows.push({
            caseNumber: `K-G-${caseSeq}`,
            creditorId: creditorIds[Math.floor(rand() * creditorIds.length)]!,
            debtorId: debtor.id,
            invoiceNumber: `G-${caseSeq}`,
            invoiceDate: addDays(originalDueDate, -30),
            originalDueDate,
            description: DESCRIPTIONS[caseSeq % DESCRIPTIONS.length]!,
            principalOre: 10_000 + Math.floor(rand() * 2_000_000),
            ocrReference: makeOcr(String(caseSeq), { withLength: true }),
            reminderSentOn: addDays(originalDueDate, 10),
            collectionLetterSentOn: addDays(originalDueDate, 24),
            dueDate: addDays(originalDueDate, 45),
            paymentOrderFrom: addDays(originalDueDate, 60),
          });
        }
      }
      const cases = await tx.insert(s.cases).values(caseRows).returning({ id: s.cases.id, originalDueDate: s.cases.originalDueDate });
      await tx.insert(s.charges).values(
        cases.flatMap((c) => [
          { caseId: c.id, kind: "reminder_fee" as const, amountOre: FEE_RULES.reminder_fee.capOre, chargedOn: addDays(c.originalDueDate, 10), legalBasis: FEE_RULES.reminder_fee.legalBasis },
          { caseId: c.id, kind: "collection_fee" as const, amountOre: FEE_RULES.collection_fee.capOre, chargedOn: addDays(c.originalDueDate, 24), legalBasis: FEE_RULES.collection_fee.legalBasis },
        ]),
      );
    });
    options.onProgress?.(start + count);
  }
}
