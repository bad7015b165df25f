import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../db/client";
import { isNotNull } from "drizzle-orm";
import { debtors, debtorSupportNeeds } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { env } from "../../env";
import { buildKeyring, openPersonalNumber, personalNumberHash, sealPersonalNumber, sealedKeyId } from "../../security/personal-number";
import { createTestDb } from "../../testing/db";
import { resealPersonalNumbers, sealedValuesByKey } from "./reseal";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-11-22", { workday: true });
});
afterAll(() => handle.close());

const v1 = buildKeyring({ id: env().KVITT_PNR_KEY_ID, keyHex: env().KVITT_PNR_ENCRYPTION_KEY });
const k2Hex = randomBytes(32).toString("hex");
const rotated = buildKeyring({ id: "k2", keyHex: k2Hex }, `${v1.currentId}:${env().KVITT_PNR_ENCRYPTION_KEY}`);

async function everyone(keyring = rotated) {
  const rows = await handle.db.select({ id: debtors.id, sealed: debtors.personalNumberEncrypted }).from(debtors);
  return new Map(rows.map((r) => [r.id, { keyId: sealedKeyId(r.sealed), canonical: openPersonalNumber(r.sealed, keyring) }]));
}

describe("rotating the personal-number key", () => {
  it("re-seals every value under the new key while the app keeps reading and writing, and loses none", async () => {
    const before = await everyone(v1);
    expect(before.size).toBeGreaterThan(5);
    expect(new Set([...before.values()].map((v) => v.keyId))).toEqual(new Set([v1.currentId]));

    // The app, meanwhile: new people are sealed with the new key, existing ones read back.
    let running = true;
    let written = 0;
    let read = 0;
    const app = (async () => {
      while (running) {
        const pnr = `1970${String(1 + (written % 12)).padStart(2, "0")}01${String(1000 + written).slice(-4)}`;
        await handle.db.insert(debtors).values({
          personalNumberHash: personalNumberHash(`${pnr}:${randomBytes(4).toString("hex")}`, env().KVITT_PNR_HASH_KEY),
          personalNumberEncrypted: sealPersonalNumber(pnr, rotated),
          birthDate: "1970-01-01",
          givenName: "Ny",
          surname: "Person",
        });
        written += 1;
        const all = await handle.db.select({ sealed: debtors.personalNumberEncrypted }).from(debtors).limit(20);
        for (const row of all) openPersonalNumber(row.sealed, rotated);
        read += all.length;
      }
    })();

    const outcome = await resealPersonalNumbers(handle.db, rotated, { batchSize: 2 });
    running = false;
    await app;
    expect(written).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
    expect(outcome.failed).toEqual([]);
    // Support-need details are sealed with the same keys.
    const details = await handle.db.select({ sealed: debtorSupportNeeds.detailEncrypted }).from(debtorSupportNeeds).where(isNotNull(debtorSupportNeeds.detailEncrypted));
    expect(details.length).toBeGreaterThan(0);
    expect(outcome.resealed).toBe(before.size + details.length);
    for (const { sealed } of details) expect(sealedKeyId(sealed!)).toBe("k2");

    const after = await everyone();
    for (const [id, { canonical }] of before) expect(after.get(id)).toEqual({ keyId: "k2", canonical });
    expect(await sealedValuesByKey(handle.db)).toEqual({ k2: before.size + written + details.length });
    // The old key can go now: everything opens without it.
    await everyone(buildKeyring({ id: "k2", keyHex: k2Hex }));
    // A second run has nothing to do.
    expect(await resealPersonalNumbers(handle.db, rotated)).toEqual({ resealed: 0, failed: [] });
  });

  it("names the rows it cannot open (a key not configured) by id, and goes on with the rest", async () => {
    const lost = buildKeyring({ id: "lost", keyHex: randomBytes(32).toString("hex") });
    const [row] = await handle.db
      .insert(debtors)
      .values({
        personalNumberHash: personalNumberHash(`lost:${randomBytes(4).toString("hex")}`, env().KVITT_PNR_HASH_KEY),
        personalNumberEncrypted: sealPersonalNumber("196001011234", lost),
        birthDate: "1960-01-01",
        givenName: "Okänd",
        surname: "Nyckel",
      })
      .returning({ id: debtors.id });
    const k3 = buildKeyring({ id: "k3", keyHex: randomBytes(32).toString("hex") }, `k2:${k2Hex}`);
    const outcome = await resealPersonalNumbers(handle.db, k3, { batchSize: 3 });
    expect(outcome.failed).toEqual([{ id: row!.id, keyId: "lost" }]);
    expect(outcome.resealed).toBeGreaterThan(5);
    expect(Object.keys(await sealedValuesByKey(handle.db)).sort()).toEqual(["k3", "lost"]);
  });
});
