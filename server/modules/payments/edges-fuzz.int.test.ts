import { createHmac, randomUUID } from "node:crypto";
import { count } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { payments } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { writeBgMax } from "../../domain/bgmax";
import { DomainError } from "../../domain/errors";
import { createTestDb } from "../../testing/db";
import { paymentWorld, TEST_WEBHOOK_SECRET } from "../../testing/payments";
import { HOSTILE_STRINGS } from "../../testing/zod-arbitrary";
import { openDeepLink } from "../deep-links/deep-links";
import { importBgMax } from "./import-bgmax";
import { handleCardWebhook, handleSwishCallback } from "./webhooks";

/**
 * What comes from outside without a form: Swish's callbacks, Stripe's webhooks, Bankgirot's BgMax
 * file and the deep links in messages, fed hostile and malformed input. None may fail with an
 * unexpected error (a 500 in the app), none may book anything it should not, and every answer is
 * one of the handler's own.
 */
const NOW = new Date("2026-11-24T10:00:00Z");
const RUNS = Number(process.env.KVITT_FUZZ_RUNS ?? 25);
const SEED = Number(process.env.KVITT_FUZZ_SEED ?? 20261202);
let handle: DbHandle;
let world: Awaited<ReturnType<typeof paymentWorld>>;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22");
  world = await paymentWorld(handle.db, () => NOW);
});
afterAll(async () => {
  await world.close();
  await handle.close();
});

const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: "binary", maxLength: 100 }));
const anything = fc.oneof(fc.anything(), hostile, fc.constant(null));
const bookedPayments = async () => (await handle.db.select({ n: count() }).from(payments))[0]!.n;
const noStack = (body: string) => !/\bat .+\.(ts|js):\d+|node_modules/.test(body);

function stripeSignature(payload: string, secret = TEST_WEBHOOK_SECRET): string {
  const timestamp = Math.floor(Date.now() / 1000);
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex")}`;
}

describe("hostile input at the edges", () => {
  it("Swish callbacks: any body gets one of the handler's answers and books nothing", async () => {
    const before = await bookedPayments();
    const callback = fc.record({
      id: fc.oneof(hostile, fc.constant(randomUUID().replaceAll("-", "").toUpperCase())),
      status: fc.oneof(fc.constantFrom("PAID", "DECLINED", "ERROR", "CANCELLED"), hostile),
      amount: fc.oneof(fc.double(), hostile, fc.constant("100.00")),
      payeePaymentReference: hostile,
      originalPaymentReference: fc.option(hostile, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(callback, anything), async (body) => {
        const answer = await handleSwishCallback(handle.db, world.deps, body, NOW);
        expect([200, 400, 503]).toContain(answer.status);
        expect(noStack(answer.body)).toBe(true);
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
    expect(await bookedPayments()).toBe(before);
  });

  it("Stripe webhooks: unsigned, wrongly signed and signed-but-malformed events get 400 or are ignored, and book nothing", async () => {
    const before = await bookedPayments();
    const event = fc.record(
      { id: hostile, type: fc.oneof(fc.constantFrom("checkout.session.completed", "checkout.session.expired", "checkout.session.async_payment_failed"), hostile), data: anything },
      { requiredKeys: ["type"] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(event, anything), fc.constantFrom("none", "forged", "signed"), async (payload, signing) => {
        const rawBody = typeof payload === "string" ? payload : (JSON.stringify(payload) ?? "");
        const signature = signing === "none" ? null : signing === "forged" ? stripeSignature(rawBody, "whsec_someone_else") : stripeSignature(rawBody);
        const answer = await handleCardWebhook(handle.db, world.deps, { rawBody, signature, secret: TEST_WEBHOOK_SECRET, now: NOW });
        expect([200, 400, 503]).toContain(answer.status);
        if (signing !== "signed") expect(answer.status).toBe(400);
        expect(noStack(answer.body)).toBe(true);
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
    expect(await bookedPayments()).toBe(before);
  });

  it("BgMax files: random bytes and a real file cut, flipped or padded are imported whole or refused with a bgmax_ code", async () => {
    const real = writeBgMax({
      timestamp: "2026-11-23T08:00:00.000001",
      test: false,
      version: 1,
      sections: [
        {
          payeeBankgiro: "50501055",
          currency: "SEK",
          deposit: { date: "2026-11-23", serial: "00001", amountOre: 15_000, count: 2, account: "99123456789" },
          payments: [
            { kind: "payment", senderBankgiro: "", reference: "1111111116", referenceCode: 2, amountOre: 10_000, channel: 1, serial: "000000000001", extraReferences: [], freeText: [], name: "Test" },
            { kind: "payment", senderBankgiro: "", reference: "<script>", referenceCode: 2, amountOre: 5_000, channel: 1, serial: "000000000002", extraReferences: [], freeText: [], name: "'; drop table payments; --" },
          ],
        },
      ],
    });
    const mutated = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.nat({ max: real.length }).map((n) => real.slice(0, n)),
      fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 0, max: 255 })).map(([at, byte]) => {
        const copy = Uint8Array.from(real);
        copy[at] = byte;
        return copy;
      }),
      hostile.map((s) => Uint8Array.from([...real, ...new TextEncoder().encode(s)])),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (bytes) => {
        try {
          await importBgMax(handle.db, { bytes, payeeBankgiro: "5050-1055", importedBy: "fuzz", actor: { kind: "system", id: "fuzz" } });
        } catch (error) {
          refused += 1;
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).code).toMatch(/^bgmax_/);
        }
      }),
      { numRuns: RUNS * 4, seed: SEED },
    );
    expect(refused).toBeGreaterThan(0);
  });

  it("deep links: any token is not found (or rate limited), never an error", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostile, fc.stringMatching(/^[A-Za-z0-9_-]{6,64}(\.[A-Za-z0-9_-]{22})?$/)), fc.nat({ max: 3 }), async (token, ip) => {
        const result = await openDeepLink(handle.db, { token, ipKey: `fuzz-${ip}`, now: NOW });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(["not_found", "rate_limited"]).toContain(result.reason);
      }),
      { numRuns: RUNS * 2, seed: SEED },
    );
  });
});
