import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { kivraPaymentEvents, outbox } from "../../db/schema";
import { parseMoney } from "../../domain/money";

const eventSchema = z.object({
  id: z.string().min(1).max(100),
  event_type: z.string(),
  data: z.object({ content_key: z.string().min(1).max(200), status: z.string(), amount: z.string(), reference: z.string().regex(/^\d{2,25}$/) }).passthrough(),
});

/**
 * Kivra says a letter was paid in its app (`settled`, with the content key and the OCR number).
 * Kept once per event; the payment booked from the bank or Swish is then traced to that letter.
 */
export async function recordKivraPaymentEvent(db: Db, body: unknown): Promise<"recorded" | "duplicate" | "ignored"> {
  const parsed = eventSchema.safeParse(body);
  if (!parsed.success || parsed.data.data.status !== "settled") return "ignored";
  const { id, data } = parsed.data;
  const amountOre = parseMoney(data.amount.replace(".", ","));
  if (amountOre === null) return "ignored";
  const [letter] = await db.select({ id: outbox.id }).from(outbox).where(eq(outbox.providerId, data.content_key));
  const rows = await db
    .insert(kivraPaymentEvents)
    .values({ eventId: id, contentKey: data.content_key, outboxId: letter?.id ?? null, reference: data.reference, amountOre })
    .onConflictDoNothing({ target: kivraPaymentEvents.eventId })
    .returning({ id: kivraPaymentEvents.id });
  return rows.length > 0 ? "recorded" : "duplicate";
}
