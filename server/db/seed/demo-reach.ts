import { asc, eq } from "drizzle-orm";
import { addDays } from "../../domain/calendar";
import { channelOrder, stockholmTime } from "../../domain/outreach";
import { env } from "../../env";
import { emailText, smsText } from "../../modules/outreach/compose";
import { renderContent } from "../../modules/outreach/render";
import type { Queryable } from "../client";
import * as s from "../schema";

/**
 * A few days of messages already sent, so the demo's history is not empty: each person's
 * collection letter five days ago in their channel, delivered, and Sara's SMS reminder two days
 * ago. Erik has chosen e-mail first; a reminder to him waits in the outbox and goes out when the
 * demo starts, so `/sim/inbox` has something to show.
 */
export async function seedDemoReach(tx: Queryable, today: string): Promise<void> {
  const config = env();
  const people = await tx.select().from(s.debtors).orderBy(asc(s.debtors.createdAt));
  for (const person of people) {
    const [first] = await tx.select().from(s.cases).where(eq(s.cases.debtorId, person.id)).orderBy(asc(s.cases.dueDate)).limit(1);
    if (!first) continue;
    const channel = channelOrder(person.channelOrder, person.preferredChannel)[0]!;
    const sentAt = stockholmTime(addDays(today, -5), 10);
    const content = await renderContent(tx, { debtorId: person.id, caseId: first.id, kind: "collection_letter", payload: {}, language: person.language, now: sentAt, bankgiro: config.KVITT_BANKGIRO });
    await tx.insert(s.outbox).values({
      debtorId: person.id,
      caseId: first.id,
      channel,
      kind: "collection_letter",
      payload: {},
      status: "delivered",
      dedupeKey: `demo:${person.id}:collection_letter`,
      scheduledFor: sentAt,
      language: person.language,
      subject: content.subject,
      bodyText: channel === "sms" ? smsText(content, `${config.PUBLIC_BASE_URL}/l/demo`) : emailText(content, null, null),
      rendered: content as unknown as Record<string, unknown>,
      recipient: channel === "sms" ? person.phone : channel === "email" ? person.email : null,
      providerId: `demo-${person.id.slice(0, 8)}`,
      attempts: 1,
      sendingAt: sentAt,
      sentAt,
      deliveredAt: new Date(sentAt.getTime() + 60_000),
    });
  }
  const sara = people.find((p) => p.givenName === "Sara");
  const [saraCase] = sara ? await tx.select().from(s.cases).where(eq(s.cases.debtorId, sara.id)).orderBy(asc(s.cases.dueDate)).limit(1) : [];
  if (sara && saraCase) {
    const sentAt = stockholmTime(addDays(today, -2), 9);
    await tx.insert(s.outbox).values({
      debtorId: sara.id,
      caseId: saraCase.id,
      channel: "sms",
      kind: "pre_due_reminder",
      payload: { when: "before", dueDate: saraCase.dueDate },
      status: "delivered",
      dedupeKey: `demo:${sara.id}:reminder`,
      scheduledFor: sentAt,
      language: "sv",
      subject: "Påminnelse",
      bodyText: `Kvitt: Du har en påminnelse från oss. Läs den här: ${config.PUBLIC_BASE_URL}/l/demo-sara`,
      recipient: sara.phone,
      providerId: "demo-sara-sms",
      attempts: 1,
      sendingAt: sentAt,
      sentAt,
      deliveredAt: new Date(sentAt.getTime() + 30_000),
    });
  }
  const erik = people.find((p) => p.givenName === "Erik");
  const [erikCase] = erik ? await tx.select().from(s.cases).where(eq(s.cases.debtorId, erik.id)).orderBy(asc(s.cases.dueDate)).limit(1) : [];
  if (erik && erikCase) {
    await tx.update(s.debtors).set({ channelOrder: ["email", "kivra"] }).where(eq(s.debtors.id, erik.id));
    await tx.insert(s.outbox).values({
      debtorId: erik.id,
      caseId: erikCase.id,
      channel: "email",
      kind: "pre_due_reminder",
      payload: { when: "before", dueDate: erikCase.dueDate },
      dedupeKey: `demo:${erik.id}:reminder-now`,
      scheduledFor: new Date(`${today}T00:00:00Z`),
    });
  }
}
