import { and, eq, inArray, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { debtors, outbox } from "../../db/schema";
import { channelOrder, type Channel } from "../../domain/outreach";

export interface NewMessage {
  debtorId: string;
  caseId: string | null;
  /** See `outbox.kind`; each kind has a template in `messages/*.json` under `reach.kinds`. */
  kind: string;
  payload: Record<string, unknown>;
  /** Unique per logical message: the same event twice queues one message. */
  dedupeKey: string;
  scheduledFor: Date;
  /** After this moment the message is no longer worth sending. */
  expiresAt?: Date | null;
}

/**
 * Queues messages to debtors inside the caller's transaction (so a message exists exactly when
 * the event that causes it does). The channel is the person's first choice now; the sender picks
 * again from their order when the message goes, so a later change of preferences is honoured.
 */
export async function enqueueMessages(tx: Queryable, messages: NewMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const ids = [...new Set(messages.map((m) => m.debtorId))];
  const people = new Map(
    (await tx.select({ id: debtors.id, order: debtors.channelOrder, preferred: debtors.preferredChannel }).from(debtors).where(inArray(debtors.id, ids))).map((d) => [
      d.id,
      channelOrder(d.order, d.preferred)[0]!,
    ]),
  );
  await tx
    .insert(outbox)
    .values(
      messages.map((m) => ({
        debtorId: m.debtorId,
        caseId: m.caseId,
        channel: people.get(m.debtorId) ?? ("kivra" as Channel),
        kind: m.kind,
        payload: m.payload,
        dedupeKey: m.dedupeKey,
        scheduledFor: m.scheduledFor,
        expiresAt: m.expiresAt ?? null,
      })),
    )
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

/** Queued messages that are no longer needed (a plan replaced them, the case was paid) are cancelled. */
export async function cancelQueuedMessages(tx: Queryable, where: SQL | undefined): Promise<void> {
  await tx.update(outbox).set({ status: "cancelled", updatedAt: new Date() }).where(and(eq(outbox.status, "queued"), where));
}

/** Moves a queued message to a new moment (an instalment moved). */
export async function rescheduleQueuedMessage(tx: Queryable, dedupeKey: string, scheduledFor: Date, expiresAt?: Date | null): Promise<void> {
  await tx
    .update(outbox)
    .set({ scheduledFor, ...(expiresAt !== undefined ? { expiresAt } : {}), updatedAt: new Date() })
    .where(and(eq(outbox.dedupeKey, dedupeKey), eq(outbox.status, "queued")));
}
