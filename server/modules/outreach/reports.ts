import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { outbox } from "../../db/schema";
import type { SmsClient } from "../../integrations/sms/client";

/**
 * A delivery report from 46elks. Reports are unsigned, so the message is read back from 46elks
 * and only what 46elks says counts. Delivered: the message is delivered. Failed: the number could
 * not be reached, so the message goes back to the queue for the person's next channel.
 */
export async function recordSmsReport(db: Db, client: SmsClient, providerId: string, now: Date): Promise<"delivered" | "failed" | "ignored"> {
  if (!/^[A-Za-z0-9]{1,64}$/.test(providerId)) return "ignored";
  const sms = await client.get(providerId).catch(() => null);
  if (!sms) return "ignored";
  if (sms.status === "delivered") {
    const rows = await db
      .update(outbox)
      .set({ status: "delivered", providerStatus: "delivered", deliveredAt: now, updatedAt: now })
      .where(and(eq(outbox.providerId, providerId), eq(outbox.channel, "sms"), inArray(outbox.status, ["sent", "sending", "unknown"])))
      .returning({ id: outbox.id });
    return rows.length > 0 ? "delivered" : "ignored";
  }
  if (sms.status === "failed") {
    const rows = await db
      .update(outbox)
      .set({
        status: "queued",
        providerStatus: "failed",
        failedChannels: sql`array_append(${outbox.failedChannels}, 'sms')`,
        lastError: "46elks: not delivered",
        subject: null,
        bodyText: null,
        bodyHtml: null,
        rendered: null,
        recipient: null,
        scheduledFor: now,
        updatedAt: now,
      })
      .where(and(eq(outbox.providerId, providerId), eq(outbox.channel, "sms"), inArray(outbox.status, ["sent", "sending", "unknown"])))
      .returning({ id: outbox.id });
    return rows.length > 0 ? "failed" : "ignored";
  }
  return "ignored";
}
