import { inArray } from "drizzle-orm";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../db/client";
import { debtors, outbox } from "../db/schema";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { stockholmTime } from "../domain/outreach";
import { personalNumberKeyring } from "../security/keyring";
import { serveFetchHandler } from "../integrations/serve-fetch-handler";
import { createSmsClient } from "../integrations/sms/client";
import { createSmsSimulator } from "../integrations/sms/simulator";
import { smsChannel } from "../modules/outreach/channels";
import { enqueueMessages } from "../modules/outreach/enqueue";
import type { OutreachDeps } from "../modules/outreach/send";
import { createTestDb } from "../testing/db";
import { demoIds } from "../testing/payments";
import { createOutboxQueue, dispatchDueMessages, OUTBOX_QUEUE, workOutbox } from "./outbox";

const MONDAY = stockholmTime("2026-12-07", 10);
let handle: DbHandle;
let boss: PgBoss;
let server: Awaited<ReturnType<typeof serveFetchHandler>>;
const sim = createSmsSimulator();

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-12-01");
  server = await serveFetchHandler((r) => sim.handleApiRequest(r));
  const { PgBoss: Boss, fromPglite } = await import("pg-boss");
  boss = handle.kind === "pglite" ? new Boss({ db: fromPglite(handle.pglite!), backend: "pglite" }) : new Boss({ connectionString: (handle.pool as unknown as { options: { connectionString: string } }).options.connectionString, max: 2 });
  await boss.start();
  await createOutboxQueue(boss);
});
afterAll(async () => {
  await boss.stop({ graceful: false });
  await server.close();
  await handle.close();
});

describe("the outbox on pg-boss", () => {
  it("one job per message (its id is the message's id), however often dispatch runs; each message reaches 46elks once", async () => {
    const ids = await demoIds(handle.db);
    const people = ["anna", "erik", "sara", "mohammed", "johan"].map((k) => ids[k]!);
    // Only this test's messages are due (the demo's own queued ones are set aside).
    await handle.db.update(outbox).set({ status: "cancelled" }).where(inArray(outbox.status, ["queued"]));
    await handle.db.update(debtors).set({ channelOrder: ["sms"] }).where(inArray(debtors.id, people.map((p) => p.debtorId)));
    await enqueueMessages(
      handle.db,
      people.map((p, i) => ({ debtorId: p.debtorId, caseId: p.caseIds[0]!, kind: "reply_notification", payload: {}, dedupeKey: `jobs:${i}`, scheduledFor: MONDAY })),
    );
    const messages = await handle.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.dedupeKey, people.map((_, i) => `jobs:${i}`)));
    expect(await dispatchDueMessages(handle.db, boss, MONDAY)).toBe(messages.length);
    expect(await dispatchDueMessages(handle.db, boss, MONDAY)).toBe(0);
    for (const m of messages) expect((await boss.getJobById(OUTBOX_QUEUE, m.id))?.id).toBe(m.id);

    const client = createSmsClient({ baseUrl: `${server.url}/a1/`, username: sim.credentials.username, password: sim.credentials.password, from: "Kvitt" });
    const deps: OutreachDeps = { channels: { sms: smsChannel(client, "http://127.0.0.1:9/r") }, baseUrl: "http://localhost:3000", bankgiro: "5050-1055", pnrKeys: personalNumberKeyring() };
    await workOutbox(boss, handle.db, () => deps, { batchSize: 10, localConcurrency: 1, now: () => MONDAY });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await handle.db.select({ status: outbox.status, scheduledFor: outbox.scheduledFor }).from(outbox).where(inArray(outbox.id, messages.map((m) => m.id)));
      if (rows.every((r) => r.status === "sent")) break;
      if (Date.now() > deadline) throw new Error("the worker did not finish");
      await new Promise((r) => setTimeout(r, 200));
    }
    const sent = await handle.db.select({ providerId: outbox.providerId }).from(outbox).where(inArray(outbox.id, messages.map((m) => m.id)));
    expect(sim.messages.map((m) => m.id).sort()).toEqual(sent.map((m) => m.providerId).sort());
    expect(await dispatchDueMessages(handle.db, boss, MONDAY)).toBe(0);
    await boss.offWork(OUTBOX_QUEUE);
  });

  it("a message that waited after its job finished gets a new job with the same id", async () => {
    const ids = await demoIds(handle.db);
    await enqueueMessages(handle.db, [{ debtorId: ids.anna!.debtorId, caseId: ids.anna!.caseIds[0]!, kind: "callback_confirmed", payload: {}, dedupeKey: "jobs:again", scheduledFor: MONDAY }]);
    const [message] = await handle.db.select().from(outbox).where(inArray(outbox.dedupeKey, ["jobs:again"]));
    await boss.insert(OUTBOX_QUEUE, [{ id: message!.id, data: { id: message!.id } }]);
    const [job] = await boss.fetch(OUTBOX_QUEUE, { batchSize: 50 }).then((jobs) => jobs.filter((j) => j.id === message!.id));
    await boss.complete(OUTBOX_QUEUE, job!.id);
    expect(await dispatchDueMessages(handle.db, boss, MONDAY)).toBe(1);
    expect((await boss.getJobById(OUTBOX_QUEUE, message!.id))?.state).toBe("created");
  });
});
