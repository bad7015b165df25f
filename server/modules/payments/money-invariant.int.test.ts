import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { cases, paymentRequests } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { writeBgMax, type BgMaxPayment } from "../../domain/bgmax";
import { rowsOf } from "../../db/client";
import { createTestDb } from "../../testing/db";
import { demoIds, paymentWorld } from "../../testing/payments";
import { loadDebtorLedgers } from "../cases/load-ledgers";
import { importBgMax } from "./import-bgmax";
import { reconcileOpenRequests } from "./settle-request";
import { startPayment } from "./start-payment";
import { handleSwishCallback } from "./webhooks";

const TODAY = "2026-11-24";
const now = () => new Date(`${TODAY}T10:00:00Z`);
const PEOPLE = ["anna", "erik", "sara", "mohammed", "johan"] as const;

type Op =
  | { kind: "swish"; who: number; share: number; callbacks: number }
  | { kind: "card"; who: number; share: number; webhooks: number }
  | { kind: "bgmax"; payments: { who: number; share: number; over: number; code: 2 | 3 | 0 }[] }
  | { kind: "reimport" }
  | { kind: "replay" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("swish" as const), who: fc.nat(4), share: fc.double({ min: 0, max: 1, noNaN: true }), callbacks: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant("card" as const), who: fc.nat(4), share: fc.double({ min: 0, max: 1, noNaN: true }), webhooks: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant("bgmax" as const),
    payments: fc.array(fc.record({ who: fc.nat(4), share: fc.double({ min: 0.01, max: 1, noNaN: true }), over: fc.integer({ min: 0, max: 50_000 }), code: fc.constantFrom(2 as const, 2 as const, 3 as const, 0 as const) }), { minLength: 1, maxLength: 5 }),
  }),
  fc.constant({ kind: "reimport" as const }),
  fc.constant({ kind: "replay" as const }),
);

/** Every öre accounted for: checked after each step. */
async function checkInvariants(handle: DbHandle, realOre: number, ids: Awaited<ReturnType<typeof demoIds>>) {
  const [totals] = rowsOf<{ paid: string; allocated: string; over: string; unmatched: string }>(
    await handle.db.execute(sql`
      select coalesce(sum(amount_ore), 0) as paid,
             coalesce((select sum(amount_ore) from payment_allocations), 0) as allocated,
             coalesce(sum(overpayment_ore) filter (where status = 'booked'), 0) as over,
             coalesce(sum(amount_ore) filter (where status <> 'booked'), 0) as unmatched
      from payments`),
  );
  // The sum booked is the sum of the distinct real payments, whatever was repeated.
  expect(Number(totals!.paid)).toBe(realOre);
  // Each payment is settled, kept as an overpayment, or waits for staff: nothing lost, nothing twice.
  expect(Number(totals!.allocated) + Number(totals!.over) + Number(totals!.unmatched)).toBe(realOre);
  const perPayment = rowsOf<{ id: string }>(
    await handle.db.execute(sql`
      select p.id from payments p left join payment_allocations a on a.payment_id = p.id
      group by p.id, p.amount_ore, p.overpayment_ore, p.status
      having (p.status = 'booked' and coalesce(sum(a.amount_ore), 0) + p.overpayment_ore <> p.amount_ore)
          or (p.status <> 'booked' and count(a.id) > 0)`),
  );
  expect(perPayment).toEqual([]);
  for (const key of PEOPLE) {
    for (const ledger of await loadDebtorLedgers(handle.db, { debtorId: ids[key]!.debtorId, asOf: TODAY })) {
      const [row] = rowsOf<{ allocated: string }>(await handle.db.execute(sql`select coalesce(sum(amount_ore), 0) as allocated from payment_allocations where case_id = ${ledger.case.id}`));
      const b = ledger.balance;
      // A case's balance is its charges (principal, fees, interest) less what was allocated to it, never below zero.
      expect(b.paidOre).toBe(Number(row!.allocated));
      expect(b.leftOre).toBe(b.principal.originalOre + b.fees.reduce((s, f) => s + f.amountOre, 0) + b.interest.accruedOre - Number(row!.allocated));
      expect(b.leftOre).toBeGreaterThanOrEqual(0);
    }
  }
}

describe("the money invariant", () => {
  it("holds after every step of any sequence of payments, repeats and re-imports", async () => {
    let fileNo = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 3, maxLength: 9 }), async (ops) => {
        const handle = await createTestDb();
        const world = await paymentWorld(handle.db, now);
        try {
          await seedDemoIfEmpty(handle.db, "2026-11-22");
          const ids = await demoIds(handle.db);
          let realOre = 0;
          let lastFile: Uint8Array | null = null;
          let lastPaid: Record<string, unknown> | null = null;
          const left = async (who: number) => {
            const key = PEOPLE[who]!;
            const [ledger] = await loadDebtorLedgers(handle.db, { debtorId: ids[key]!.debtorId, caseId: ids[key]!.caseIds[0]!, asOf: TODAY });
            return { key, caseId: ids[key]!.caseIds[0]!, leftOre: ledger!.balance.leftOre, ocr: ledger!.case.ocrReference };
          };

          for (const op of ops) {
            if (op.kind === "swish" || op.kind === "card") {
              const target = await left(op.who);
              if (target.leftOre < 100_00) continue;
              const amountOre = Math.max(100_00, Math.floor(target.leftOre * op.share));
              const started = await startPayment(handle.db, world.deps, { debtorId: ids[target.key]!.debtorId, caseIds: [target.caseId], amountOre, method: op.kind, locale: "sv", now: now() });
              const [request] = await handle.db.select().from(paymentRequests).where(eq(paymentRequests.id, started.requestId));
              if (op.kind === "swish") {
                const found = await world.swish("find", { token: request!.token });
                const paid = await world.swish(`payments/${found.body.id as string}/pay`, { callback: { times: op.callbacks, delayMs: 0 } });
                lastPaid = paid.body;
                await world.settle();
                if (op.callbacks === 0) await reconcileOpenRequests(handle.db, world.deps, new Date(Date.now() + 120_000));
              } else {
                await world.card(`sessions/${request!.externalId}/complete`, { webhook: { times: op.webhooks, delayMs: 0 } });
                await world.settle();
              }
              realOre += amountOre;
            } else if (op.kind === "bgmax") {
              const list: BgMaxPayment[] = [];
              for (const [n, p] of op.payments.entries()) {
                const target = await left(p.who);
                const amountOre = Math.max(1, Math.floor(target.leftOre * p.share)) + p.over;
                const reference = p.code === 0 ? "99999999999999" : target.ocr;
                list.push({ kind: "payment", senderBankgiro: "", reference, referenceCode: p.code === 0 ? 2 : p.code, amountOre, channel: 1, serial: String(++fileNo * 100 + n).padStart(12, "0"), extraReferences: [], freeText: [] });
              }
              const total = list.reduce((s, p) => s + p.amountOre, 0);
              lastFile = writeBgMax({
                timestamp: `2026-11-23T06:00:00.${String(fileNo).padStart(6, "0")}`,
                test: false,
                version: 1,
                sections: [{ payeeBankgiro: "50501055", currency: "SEK", deposit: { date: "2026-11-23", serial: String(fileNo).padStart(5, "0"), amountOre: total, count: list.length, account: "99123456789" }, payments: list }],
              });
              await importBgMax(handle.db, { bytes: lastFile, payeeBankgiro: "5050-1055", importedBy: "test", actor: { kind: "system", id: "test" } });
              realOre += total;
            } else if (op.kind === "reimport") {
              if (lastFile) expect((await importBgMax(handle.db, { bytes: lastFile, payeeBankgiro: "5050-1055", importedBy: "test", actor: { kind: "system", id: "test" } })).alreadyImported).toBe(true);
            } else if (lastPaid) {
              expect((await handleSwishCallback(handle.db, world.deps, lastPaid, now())).status).toBe(200);
            }
            await checkInvariants(handle, realOre, ids);
          }
          // Sanity: the model saw real money move.
          const [c] = await handle.db.select({ n: sql<number>`count(*)` }).from(cases);
          expect(Number(c!.n)).toBeGreaterThan(0);
        } finally {
          await world.close();
          await handle.close();
        }
      }),
      { numRuns: 8 },
    );
  }, 180_000);
});
