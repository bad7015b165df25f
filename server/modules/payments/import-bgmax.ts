import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { bgmaxImports } from "../../db/schema";
import { parseBgMax, type BgMaxFile } from "../../domain/bgmax";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit/record";
import { bookPayments, inBookingTransaction, type Actor, type BookItem } from "./book";

export interface BgMaxImportSummary {
  importId: string | null;
  /** The same file (by its SHA-256) was imported before: nothing changed. */
  alreadyImported: boolean;
  fileTimestamp: string;
  payments: number;
  totalOre: number;
  booked: number;
  unmatched: number;
  overpaid: number;
  /** Payments already booked from another file (the same payment sent twice). */
  duplicates: number;
  /** `21` records: a payer's deduction; recorded for staff, never taken off a balance automatically. */
  deductions: number;
  bookedOre: number;
  unmatchedOre: number;
}

/**
 * The key of one payment in a BgMax file, from its content: the payee's bankgiro, the deposit's
 * date and serial, Bankgirot's serial of the payment, and its place in the deposit (serials alone
 * are not unique). The same payment in a re-sent file is booked once.
 */
export function bgmaxPaymentKey(payeeBankgiro: string, depositDate: string, depositSerial: string, paymentSerial: string, index: number): string {
  return `bgmax:${payeeBankgiro}:${depositDate}:${depositSerial}:${paymentSerial}:${index}`;
}

/** The payments of a parsed file as bookings; deductions are left out (see BgMaxImportSummary). */
export function bgmaxBookings(file: BgMaxFile): { items: BookItem[]; deductions: number } {
  const items: BookItem[] = [];
  let deductions = 0;
  for (const section of file.sections) {
    section.payments.forEach((p, index) => {
      if (p.kind === "deduction") {
        deductions += 1;
        return;
      }
      const ocr = p.reference.replace(/\s/g, "");
      items.push({
        idempotencyKey: bgmaxPaymentKey(section.payeeBankgiro, section.deposit.date, section.deposit.serial, p.serial, index),
        method: "bankgiro",
        amountOre: p.amountOre,
        bookedOn: section.deposit.date,
        ocrReference: /^\d{2,25}$/.test(ocr) ? ocr : ocr || null,
        referenceChecked: p.referenceCode === 2,
        externalReference: p.serial,
        payerName: p.name ?? null,
        details: { referenceCode: p.referenceCode, channel: p.channel, senderBankgiro: p.senderBankgiro || null, ...(p.freeText.length ? { freeText: p.freeText } : {}) },
      });
    });
  }
  return { items, deductions };
}

/**
 * Imports a BgMax file of incoming payments. The whole file is checked first (record counts, sums,
 * encoding): a file that does not add up is refused with the line it failed on and writes nothing.
 * Then, in one transaction, the file is recorded by its hash (so the same file twice, even at the
 * same moment, is booked once) and every payment is booked by its OCR number; what cannot be
 * matched waits for staff. One audit event records who imported what.
 */
export async function importBgMax(
  db: Db,
  input: { bytes: Uint8Array; payeeBankgiro: string; importedBy: string; actor: Actor; allowTestFile?: boolean; bookingActor?: Actor },
): Promise<BgMaxImportSummary> {
  const file = parseBgMax(input.bytes);
  if (file.test && !input.allowTestFile) throw new DomainError("bgmax_test_file", "Line 1: this is a test file (T in position 45) and is not booked", { line: 1, reason: "test_file" });
  const ours = input.payeeBankgiro.replace(/\D/g, "").replace(/^0+/, "");
  const foreign = file.sections.find((s) => s.payeeBankgiro !== ours);
  if (foreign) throw new DomainError("bgmax_wrong_payee", `the file is for bankgiro ${foreign.payeeBankgiro}, not ours (${ours})`, { payee: foreign.payeeBankgiro });

  const fileHash = createHash("sha256").update(input.bytes).digest("hex");
  const { items, deductions } = bgmaxBookings(file);
  const totalOre = file.sections.reduce((s, section) => s + section.deposit.amountOre, 0);
  const base = { fileTimestamp: file.timestamp, payments: items.length + deductions, totalOre, deductions };

  return inBookingTransaction(db, async (tx) => {
    const [row] = await tx
      .insert(bgmaxImports)
      .values({ fileHash, fileTimestamp: file.timestamp, paymentCount: items.length + deductions, totalOre, importedBy: input.importedBy })
      .onConflictDoNothing({ target: bgmaxImports.fileHash })
      .returning({ id: bgmaxImports.id });
    if (!row) {
      await recordAudit(tx, { actorKind: input.actor.kind, actorId: input.actor.id, action: "bgmax.import_repeated", subjectKind: "bgmax_file", subjectId: fileHash, details: { fileTimestamp: file.timestamp } });
      return { ...base, importId: null, alreadyImported: true, booked: 0, unmatched: 0, overpaid: 0, duplicates: 0, bookedOre: 0, unmatchedOre: 0 };
    }

    const outcomes = await bookPayments(tx, items, input.bookingActor ?? input.actor);
    const amount = new Map(items.map((i) => [i.idempotencyKey, i.amountOre]));
    const summary: BgMaxImportSummary = { ...base, importId: row.id, alreadyImported: false, booked: 0, unmatched: 0, overpaid: 0, duplicates: 0, bookedOre: 0, unmatchedOre: 0 };
    for (const o of outcomes) {
      if (o.status === "booked") {
        summary.booked += 1;
        summary.bookedOre += amount.get(o.idempotencyKey) ?? 0;
        if (o.overpaymentOre > 0) summary.overpaid += 1;
      } else if (o.status === "unmatched") {
        summary.unmatched += 1;
        summary.unmatchedOre += amount.get(o.idempotencyKey) ?? 0;
      } else summary.duplicates += 1;
    }
    await recordAudit(tx, {
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      action: "bgmax.imported",
      subjectKind: "bgmax_import",
      subjectId: row.id,
      details: { fileTimestamp: file.timestamp, payments: summary.payments, booked: summary.booked, unmatched: summary.unmatched, duplicates: summary.duplicates, totalOre },
    });
    return summary;
  });
}
