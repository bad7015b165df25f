import { randomUUID } from "node:crypto";
import { and, eq, like, sql } from "drizzle-orm";
import { addBankDays, addDays, daysBetween, todayInStockholm, type IsoDate } from "../../domain/calendar";
import { caseTerms, type RunningExperiment } from "../../domain/experiments";
import { dueGroup } from "../../domain/insights";
import { makeOcr } from "../../domain/ocr";
import { generateValidPersonnummer } from "../../domain/personnummer";
import { env } from "../../env";
import { encryptPersonalNumber, personalNumberHash } from "../../security/personal-number";
import { rowsOf, type Db } from "../client";
import * as s from "../schema";
import { BEHAVIOUR } from "./behaviour";

const GIVEN = ["Alva", "Vera", "Hugo", "Leo", "Signe", "Vilgot", "Majken", "Ebbe", "Tyra", "Melker", "Juni", "Sixten"];
const SURNAMES = ["Bergqvist", "Lundgren", "Sandberg", "Forsberg", "Holmqvist", "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson"];
const DESCRIPTIONS = ["webshop_order", "mobile_subscription", "rent", "study_loan", "consumer_loan"];
/** Generated case numbers ("K-I-…") and OCR references start here, clear of the demo's and the other generator's. */
const FIRST_SEQ = 50_000_000;

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

function pick<T extends { share: number }>(items: T[], r: number): T {
  let acc = 0;
  for (const item of items) {
    acc += item.share;
    if (r < acc) return item;
  }
  return items[items.length - 1]!;
}

const at = (d: IsoDate, hour: number) => new Date(`${d}T${String(hour).padStart(2, "0")}:00:00Z`);

/**
 * Generates cases that behave like people (see `behaviour.ts`): each with its person, its
 * collection letter in the outbox by the person's channel, and what happened after — paid in full
 * (a payment), a plan (kept or lapsed), a payment order, a dispute or a hold, a message and our
 * reply. Written in batches, one transaction each. `experiment` starts the demo's experiment first.
 */
export async function seedInsights(
  db: Db,
  options: { cases: number; today?: IsoDate; batchSize?: number; experiment?: boolean; onProgress?: (done: number) => void },
): Promise<{ cases: number }> {
  const config = env();
  const today = options.today ?? todayInStockholm(new Date());
  const creditorRows = await db.select({ id: s.creditors.id, name: s.creditors.name }).from(s.creditors).orderBy(s.creditors.name);
  if (creditorRows.length === 0) throw new Error("seed the demo creditors first");
  const policies = new Map(
    (await db.select().from(s.creditorPolicies)).map((p) => [p.creditorId, { defaultDueDay: p.defaultDueDay, letterWording: p.letterWording, reminderDaysBefore: p.reminderDaysBefore }]),
  );
  const [staff] = await db.select({ id: s.staffUsers.id }).from(s.staffUsers).where(eq(s.staffUsers.role, "supervisor")).limit(1);

  // The demo's experiment: started on a day in the past, so part of the generated cases opened under it.
  let experiment: (RunningExperiment & { creditorId: string; startedOn: IsoDate }) | null = null;
  const planned = BEHAVIOUR.demoExperiment;
  const target = creditorRows.find((c) => c.name === planned.creditor);
  if (options.experiment && target) {
    const startedOn = addDays(today, -planned.startedDaysAgo);
    const [existing] = await db.select().from(s.experiments).where(and(eq(s.experiments.creditorId, target.id), eq(s.experiments.status, "running")));
    const row =
      existing ??
      (
        await db
          .insert(s.experiments)
          .values({ creditorId: target.id, kind: planned.kind, armA: planned.armA, armB: planned.armB, salt: randomUUID(), startedBy: staff?.id ?? null, startedAt: at(startedOn, 8) })
          .returning()
      )[0]!;
    experiment = { id: row.id, kind: row.kind, armA: row.armA, armB: row.armB, salt: row.salt, creditorId: row.creditorId, startedOn: row.startedAt.toISOString().slice(0, 10) };
  }

  const existing = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from ${s.cases} where ${like(s.cases.caseNumber, "K-I-%")}`));
  const offset = Number(existing[0]?.n ?? 0);
  const rand = random(7919 + offset);
  const batchSize = options.batchSize ?? 2000;
  const channelList = Object.entries(BEHAVIOUR.channels).map(([name, c]) => ({ name, ...c }));

  for (let start = 0; start < options.cases; start += batchSize) {
    const count = Math.min(batchSize, options.cases - start);
    await db.transaction(async (tx) => {
      // About three cases a person, as in the other generator: people first.
      const people = Array.from({ length: Math.ceil(count / 3) }, (_, i) => {
        const n = offset + start + i * 3;
        const band = pick(BEHAVIOUR.ageBands, rand());
        const channel = pick(channelList, rand()).name;
        const age = band.fromAge + Math.floor(rand() * (band.toAge - band.fromAge + 1));
        // Born early enough in the year that the band holds on every letter day of the span.
        const birthDate = `${Number(today.slice(0, 4)) - age - 1}-${String(1 + Math.floor(rand() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rand() * 28)).padStart(2, "0")}`;
        const pnr = generateValidPersonnummer(birthDate, n % 1000);
        return {
          band: band.band,
          channel,
          row: {
            personalNumberHash: personalNumberHash(`${pnr}:insights:${n}`, config.KVITT_PNR_HASH_KEY),
            personalNumberEncrypted: encryptPersonalNumber(pnr, config.KVITT_PNR_ENCRYPTION_KEY),
            birthDate,
            givenName: GIVEN[n % GIVEN.length]!,
            surname: SURNAMES[Math.floor(n / GIVEN.length) % SURNAMES.length]!,
            preferredChannel: channel as "kivra" | "sms" | "email" | "paper",
            channelOrder: [channel],
          },
        };
      });
      const inserted = await tx.insert(s.debtors).values(people.map((p) => p.row)).returning({ id: s.debtors.id });

      type Outcome = { settledDay: number | null; plan: boolean; lapsed: boolean; enforcement: boolean; disputed: boolean; hold: boolean; reply: number | null };
      const caseRows: (typeof s.cases.$inferInsert)[] = [];
      const meta: { personIndex: number; letterOn: IsoDate; outcome: Outcome; arm: "a" | "b" | null }[] = [];
      for (let i = 0; i < count; i++) {
        const personIndex = Math.floor(i / 3);
        const person = people[personIndex]!;
        const debtorId = inserted[personIndex]!.id;
        const seq = FIRST_SEQ + offset + start + i;
        const creditor = creditorRows[Math.floor(rand() * creditorRows.length)]!;
        const letterOn = addDays(today, -(1 + Math.floor(rand() * BEHAVIOUR.spanDays)));
        const running = experiment && experiment.creditorId === creditor.id && letterOn >= experiment.startedOn ? experiment : null;
        const policy = { ...(policies.get(creditor.id) ?? { defaultDueDay: 26, letterWording: "standard" as const, reminderDaysBefore: 3 }) };
        if (!running) policy.defaultDueDay = pick(BEHAVIOUR.dueDays, rand()).day;
        const terms = caseTerms(policy, running, debtorId, letterOn);
        const age = daysBetween(letterOn, today);

        const c = BEHAVIOUR.channels[person.channel]!;
        const young = person.band === "18-25";
        const p30 = young ? (dueGroup(terms.dueDate) === "after" ? BEHAVIOUR.young.settleWithin30.afterPayday : BEHAVIOUR.young.settleWithin30.beforePayday) : c.settleWithin30;
        let settledDay: number | null = null;
        if (rand() < p30) settledDay = young ? Math.floor(rand() * 31) : rand() < c.withinFiveDays ? Math.floor(rand() * 6) : 6 + Math.floor(rand() * 25);
        else if (rand() < BEHAVIOUR.lateSettle) settledDay = 31 + Math.floor(rand() * 60);
        if (settledDay !== null && settledDay > age) settledDay = null; // not yet happened
        const plan = settledDay !== null && rand() < BEHAVIOUR.planShare;
        const lapsed = plan && age - settledDay! > 60 && rand() < BEHAVIOUR.planLapse;
        const unsettled = settledDay === null;
        const disputed = unsettled && rand() < BEHAVIOUR.disputed;
        const enforcement = unsettled && !disputed && age > 60 && rand() < BEHAVIOUR.paymentOrder;
        const hold = unsettled && !disputed && !enforcement && rand() < BEHAVIOUR.onHold;
        const reply = rand() < BEHAVIOUR.replies.share && age > 5 ? BEHAVIOUR.replies.hours[Math.floor(rand() * BEHAVIOUR.replies.hours.length)]! : null;
        const originalDueDate = addDays(letterOn, -24);
        const status = plan ? (lapsed ? "open" : "in_plan") : settledDay !== null ? "paid" : enforcement ? "sent_to_enforcement" : "open";
        caseRows.push({
          caseNumber: `K-I-${seq}`,
          creditorId: creditor.id,
          debtorId,
          invoiceNumber: `I-${seq}`,
          invoiceDate: addDays(originalDueDate, -30),
          originalDueDate,
          description: DESCRIPTIONS[seq % DESCRIPTIONS.length]!,
          principalOre: 20_000 + Math.floor(rand() * 1_500_000),
          ocrReference: makeOcr(String(seq), { withLength: true }),
          status,
          disputed,
          reminderSentOn: addDays(originalDueDate, 10),
          collectionLetterSentOn: letterOn,
          dueDate: terms.dueDate,
          letterWording: terms.letterWording,
          reminderDaysBefore: terms.reminderDaysBefore,
          paymentOrderFrom: addDays(terms.dueDate, 30),
          closedOn: status === "paid" || status === "sent_to_enforcement" ? addDays(letterOn, settledDay ?? 60) : null,
          interestStoppedOn: status === "paid" ? addDays(letterOn, settledDay!) : null,
        });
        meta.push({ personIndex, letterOn, outcome: { settledDay, plan, lapsed, enforcement, disputed, hold, reply }, arm: terms.experiment?.arm ?? null });
      }
      const cases = await tx.insert(s.cases).values(caseRows).returning({ id: s.cases.id, caseNumber: s.cases.caseNumber });
      const idOf = new Map(cases.map((c) => [c.caseNumber, c.id]));
      const all = caseRows.map((row, i) => ({ row, id: idOf.get(row.caseNumber)!, ...meta[i]! }));

      await tx.insert(s.outbox).values(
        all.map((c) => ({
          debtorId: c.row.debtorId,
          caseId: c.id,
          channel: people[c.personIndex]!.channel as "kivra" | "sms" | "email" | "paper",
          kind: "collection_letter",
          payload: { caseNumber: c.row.caseNumber },
          status: "delivered" as const,
          dedupeKey: `case:${c.id}:collection_letter`,
          scheduledFor: at(c.letterOn, 7),
          sentAt: at(c.letterOn, 7),
          deliveredAt: at(c.letterOn, 8),
          attempts: 1,
        })),
      );
      if (experiment) {
        const assigned = all.filter((c) => c.arm);
        if (assigned.length > 0) await tx.insert(s.experimentCases).values(assigned.map((c) => ({ caseId: c.id, experimentId: experiment!.id, arm: c.arm! })));
      }
      const paid = all.filter((c) => c.row.status === "paid");
      if (paid.length > 0) {
        await tx.insert(s.payments).values(
          paid.map((c) => ({ caseId: c.id, method: "bankgiro" as const, amountOre: c.row.principalOre!, idempotencyKey: `gen:${c.row.caseNumber}`, ocrReference: c.row.ocrReference, bookedOn: addDays(c.letterOn, c.outcome.settledDay!), sourceChannel: people[c.personIndex]!.channel as "kivra" })),
        );
      }
      const planned = all.filter((c) => c.outcome.plan);
      if (planned.length > 0) {
        const plans = await tx
          .insert(s.instalmentPlans)
          .values(
            planned.map((c) => {
              const signedOn = addDays(c.letterOn, c.outcome.settledDay!);
              return { debtorId: c.row.debtorId, status: c.outcome.lapsed ? ("lapsed" as const) : ("active" as const), monthlyOre: Math.ceil(c.row.principalOre! / 6), months: 6, dueDay: 27, method: "bankgiro" as const, totalOre: c.row.principalOre!, signedAt: at(signedOn, 10), firstDueDate: addDays(signedOn, 30), endedOn: c.outcome.lapsed ? addDays(signedOn, 60) : null };
            }),
          )
          .returning({ id: s.instalmentPlans.id });
        await tx.insert(s.planCases).values(planned.map((c, i) => ({ planId: plans[i]!.id, caseId: c.id, live: c.outcome.lapsed ? 0 : 1 })));
      }
      const held = all.filter((c) => c.outcome.hold);
      if (held.length > 0) await tx.insert(s.caseHolds).values(held.map((c) => ({ caseId: c.id, kind: "staff_hold" as const, reason: "Väntar på underlag", endsOn: addDays(today, 14) })));
      const writers = all.filter((c) => c.outcome.reply !== null && c.outcome.disputed === false);
      if (writers.length > 0) {
        const asked = writers.map((c) => ({ c, askedOn: addDays(c.letterOn, 2) }));
        const threads = await tx
          .insert(s.threads)
          .values(asked.map(({ c, askedOn }) => ({ debtorId: c.row.debtorId, caseId: c.id, status: "waiting_for_debtor" as const, replyDueOn: addBankDays(askedOn, 1), createdAt: at(askedOn, 9), lastMessageAt: at(askedOn, 9) })))
          .onConflictDoNothing()
          .returning({ id: s.threads.id, caseId: s.threads.caseId });
        const byCase = new Map(threads.map((t) => [t.caseId, t.id]));
        await tx.insert(s.messages).values(
          asked
            .filter(({ c }) => byCase.has(c.id))
            .flatMap(({ c, askedOn }) => [
              { threadId: byCase.get(c.id)!, author: "debtor" as const, body: "Hej! Kan jag få betala lite senare?", createdAt: at(askedOn, 9) },
              { threadId: byCase.get(c.id)!, author: "staff" as const, staffUserId: staff?.id ?? null, body: "Hej! Ja, vi kan flytta dagen. Logga in och välj ett nytt datum.", createdAt: new Date(at(askedOn, 9).getTime() + c.outcome.reply! * 3_600_000) },
            ]),
        );
      }
    });
    options.onProgress?.(start + count);
  }
  return { cases: options.cases };
}
