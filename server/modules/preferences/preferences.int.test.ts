import { personalNumberKeyring } from "../../security/keyring";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import type { DbHandle } from "../../db/client";
import { auditEvents, contactVerifications, debtors, outbox } from "../../db/schema";
import { seedDemoIfEmpty } from "../../db/seed/demo";
import { stockholmTime } from "../../domain/outreach";
import { createEmailClient } from "../../integrations/email/client";
import { startEmailSimulator, type EmailSimulator } from "../../integrations/email/simulator";
import { serveFetchHandler } from "../../integrations/serve-fetch-handler";
import { createSmsClient } from "../../integrations/sms/client";
import { createSmsSimulator, type SmsSimulator } from "../../integrations/sms/simulator";
import { debtorViewer, testContext } from "../../testing/context";
import { createTestDb } from "../../testing/db";
import { demoIds } from "../../testing/payments";
import { emailChannel, smsChannel } from "../outreach/channels";
import { enqueueMessages } from "../outreach/enqueue";
import { sendMessage, type OutreachDeps } from "../outreach/send";
import { CODE_TRIES, CODES_PER_HOUR, confirmVerification, getPreferences, savePreferences, startVerification } from "./preferences";

// A Saturday night in Stockholm: outside SMS hours, yet a code the person asked for goes at once.
const NIGHT = stockholmTime("2026-12-05", 23, 30);
// A Monday morning: every channel open.
const MONDAY = stockholmTime("2026-12-07", 10);
let handle: DbHandle;
let ids: Awaited<ReturnType<typeof demoIds>>;
let smsSim: SmsSimulator;
let smsServer: Awaited<ReturnType<typeof serveFetchHandler>>;
let mail: EmailSimulator;
let deps: OutreachDeps;

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, "2026-12-01");
  ids = await demoIds(handle.db);
  smsSim = createSmsSimulator({ now: () => Date.now(), fetchImpl: (async () => new Response(null, { status: 204 })) as unknown as typeof fetch });
  smsServer = await serveFetchHandler((r) => (new URL(r.url).pathname.includes("/control") ? smsSim.handleControlRequest(r) : smsSim.handleApiRequest(r)));
  mail = await startEmailSimulator();
  const sms = createSmsClient({ baseUrl: `${smsServer.url}/a1/`, username: smsSim.credentials.username, password: smsSim.credentials.password, from: "Kvitt", timeoutMs: 2000 });
  deps = {
    channels: { sms: smsChannel(sms, "http://127.0.0.1:9/api/webhooks/sms"), email: emailChannel(createEmailClient({ url: mail.url, from: "Kvitt <hej@kvitt.example>", timeoutMs: 2000 }), "kvitt.example") },
    baseUrl: "http://localhost:3000",
    bankgiro: "5050-1055",
    pnrKeys: personalNumberKeyring(),
  };
});
afterAll(async () => {
  await mail.close();
  await smsServer.close();
  await handle.close();
});
beforeEach(() => {
  smsSim.messages.length = 0;
  mail.received.length = 0;
});

const person = async (key: string) => (await handle.db.select().from(debtors).where(eq(debtors.id, ids[key]!.debtorId)))[0]!;
const codeIn = (text: string) => /(\d{6})/.exec(text)![1]!;

describe("adding a phone number or an e-mail address", () => {
  it("a code goes by SMS to the new number at once, even at night; the right code makes the number the person's, verified, and wipes the code", async () => {
    const { debtorId } = ids.anna!;
    const started = await startVerification(handle.db, { debtorId, channel: "sms", address: "073-555 12 34", now: NIGHT });
    expect(started.address).toBe("+46735551234");
    expect(await sendMessage(handle.db, deps, started.messageId, NIGHT)).toMatchObject({ status: "sent", channel: "sms" });
    expect(smsSim.messages).toHaveLength(1);
    const sms = smsSim.messages[0]!;
    expect(sms.to).toBe("+46735551234");
    expect(sms.message).toMatch(/^Kvitt: Din kod är \d{6}\. Den gäller i 15 minuter\.$/);
    // Only the code's keyed hash is kept with the verification.
    const [v] = await handle.db.select().from(contactVerifications).where(eq(contactVerifications.id, started.verificationId));
    expect(JSON.stringify(v)).not.toContain(codeIn(sms.message));

    const wrong = codeIn(sms.message) === "000000" ? "111111" : "000000";
    await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: wrong, now: NIGHT })).rejects.toMatchObject({ code: "code_wrong" });
    expect((await person("anna")).phone).not.toBe("+46735551234");
    expect(await confirmVerification(handle.db, { debtorId, channel: "sms", code: codeIn(sms.message), now: NIGHT })).toEqual({ address: "+46735551234" });
    const after = await person("anna");
    expect(after).toMatchObject({ phone: "+46735551234" });
    expect(after.phoneVerifiedAt).toEqual(NIGHT);
    const [message] = await handle.db.select().from(outbox).where(eq(outbox.id, started.messageId));
    expect(JSON.stringify(message)).not.toContain(codeIn(sms.message));
    // A code is good once.
    await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: codeIn(sms.message), now: NIGHT })).rejects.toMatchObject({ code: "code_expired" });
  });

  it("an e-mail address gets its code by e-mail; a wrong address shape and a landline are refused before anything is sent", async () => {
    const { debtorId } = ids.erik!;
    await expect(startVerification(handle.db, { debtorId, channel: "email", address: "erik@", now: MONDAY })).rejects.toMatchObject({ code: "email_invalid" });
    await expect(startVerification(handle.db, { debtorId, channel: "sms", address: "08-123 456 78", now: MONDAY })).rejects.toMatchObject({ code: "phone_not_mobile" });
    const started = await startVerification(handle.db, { debtorId, channel: "email", address: " Erik.Ny@Example.se ", now: MONDAY });
    await sendMessage(handle.db, deps, started.messageId, MONDAY);
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.to).toEqual(["erik.ny@example.se"]);
    expect(mail.received[0]!.subject).toBe("Din kod från Kvitt");
    await confirmVerification(handle.db, { debtorId, channel: "email", code: codeIn(mail.received[0]!.text), now: MONDAY });
    expect(await person("erik")).toMatchObject({ email: "erik.ny@example.se" });
  });

  it("five wrong tries, or 15 minutes, and the code is spent; a new code replaces the old; five codes an hour", async () => {
    const { debtorId } = ids.johan!;
    const first = await startVerification(handle.db, { debtorId, channel: "sms", address: "0701112233", now: MONDAY, code: "123456" });
    for (let i = 0; i < CODE_TRIES - 1; i++) await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: "654321", now: MONDAY })).rejects.toMatchObject({ code: "code_wrong" });
    await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: "654321", now: MONDAY })).rejects.toMatchObject({ code: "code_too_many" });
    await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: "123456", now: MONDAY })).rejects.toMatchObject({ code: "code_too_many" });

    await startVerification(handle.db, { debtorId, channel: "sms", address: "0701112233", now: MONDAY, code: "222222" });
    await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: "222222", now: new Date(MONDAY.getTime() + 16 * 60_000) })).rejects.toMatchObject({ code: "code_expired" });
    await startVerification(handle.db, { debtorId, channel: "sms", address: "0701112233", now: MONDAY, code: "333333" });
    const newest = await startVerification(handle.db, { debtorId, channel: "sms", address: "0701112244", now: MONDAY, code: "444444" });
    await expect(confirmVerification(handle.db, { debtorId, channel: "sms", code: "333333", now: MONDAY })).rejects.toMatchObject({ code: "code_wrong" });
    expect(await confirmVerification(handle.db, { debtorId, channel: "sms", code: "444 444", now: MONDAY })).toEqual({ address: "+46701112244" });
    expect(first.verificationId).not.toBe(newest.verificationId);
    // That was four codes within the hour; a fifth may go, the sixth waits.
    expect(CODES_PER_HOUR).toBe(5);
    await startVerification(handle.db, { debtorId, channel: "email", address: "johan@example.se", now: MONDAY });
    await expect(startVerification(handle.db, { debtorId, channel: "sms", address: "0701112255", now: MONDAY })).rejects.toMatchObject({ code: "rate_limited_codes" });
  });
});

describe("the person's choice of channels and language", () => {
  it("SMS cannot be chosen before the number is verified; once chosen, the next message goes by SMS in the chosen language", async () => {
    const { debtorId, caseIds } = ids.mohammed!;
    await handle.db.update(debtors).set({ phone: "+46709998877", phoneVerifiedAt: null }).where(eq(debtors.id, debtorId));
    await expect(savePreferences(handle.db, { debtorId, order: ["sms", "kivra"], language: "sv", now: MONDAY })).rejects.toMatchObject({ code: "sms_unverified", details: { errors: { first: "sms_unverified" } } });
    await expect(savePreferences(handle.db, { debtorId, order: ["kivra", "kivra"], language: "sv", now: MONDAY })).rejects.toMatchObject({ code: "channel_twice", details: { errors: { second: "channel_twice" } } });
    expect((await person("mohammed")).channelOrder).toBeNull();

    const started = await startVerification(handle.db, { debtorId, channel: "sms", address: "070-999 88 77", now: MONDAY, code: "909090" });
    await confirmVerification(handle.db, { debtorId, channel: "sms", code: "909090", now: MONDAY });
    expect(await savePreferences(handle.db, { debtorId, order: ["sms", "kivra"], language: "en", now: MONDAY })).toEqual({ order: ["sms", "kivra", "email", "paper"] });
    const audit = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.debtorId, debtorId), eq(auditEvents.action, "preferences.changed")));
    expect(audit).toHaveLength(1);

    await enqueueMessages(handle.db, [{ debtorId, caseId: caseIds[0]!, kind: "reply_notification", payload: {}, dedupeKey: "prefs:next", scheduledFor: MONDAY }]);
    const [next] = await handle.db.select().from(outbox).where(eq(outbox.dedupeKey, "prefs:next"));
    expect(next!.channel).toBe("sms");
    smsSim.messages.length = 0;
    expect(await sendMessage(handle.db, deps, next!.id, MONDAY)).toMatchObject({ status: "sent", channel: "sms" });
    expect(smsSim.messages.map((m) => m.to)).toEqual(["+46709998877"]);
    expect(smsSim.messages[0]!.message).toMatch(/^Kvitt: There is news in your case/);

    const prefs = await getPreferences(handle.db, { debtorId, now: MONDAY });
    expect(prefs).toMatchObject({ order: ["sms", "kivra", "email", "paper"], language: "en", phone: "+46709998877", phoneVerified: true });
    // Everything sent, with its status: the code, the reply notice and the demo's collection letter.
    expect(prefs.history.map((h) => h.id)).toEqual(expect.arrayContaining([started.messageId, next!.id]));
    expect(prefs.history.find((h) => h.id === next!.id)).toMatchObject({ kind: "reply_notification", channel: "sms", status: "sent" });
    expect(prefs.history.some((h) => h.kind === "collection_letter" && h.status === "delivered")).toBe(true);
  });

  it("through the router: each person reads and changes only their own", async () => {
    const sara = createCaller(testContext(handle.db, debtorViewer(ids.sara!.debtorId), { now: MONDAY }));
    const lena = createCaller(testContext(handle.db, debtorViewer(ids.lena!.debtorId), { now: MONDAY }));
    const sent = await sara.debtor.preferences.sendCode({ channel: "email", address: "sara.ny@example.se" });
    const [row] = await handle.db.select().from(outbox).where(eq(outbox.id, sent.messageId));
    const code = (row!.payload as { code: string }).code;
    // Lena holds no code: Sara's is not hers to use.
    await expect(lena.debtor.preferences.confirmCode({ channel: "email", code })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await lena.debtor.preferences.get()).pending).toEqual([]);
    expect((await lena.debtor.preferences.get()).history.every((h) => h.id !== sent.messageId)).toBe(true);
    expect((await sara.debtor.preferences.get()).pending).toMatchObject([{ channel: "email", address: "sara.ny@example.se" }]);
    await sara.debtor.preferences.confirmCode({ channel: "email", code });
    expect(await sara.debtor.preferences.save({ order: ["email"], language: "sv" })).toEqual({ order: ["email", "kivra", "sms", "paper"] });
    expect((await person("lena")).email).not.toBe("sara.ny@example.se");
    await expect(createCaller(testContext(handle.db, null)).debtor.preferences.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
