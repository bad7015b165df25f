import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../db/client";
import { bankidOrders, debtors, staffUsers } from "../../db/schema";
import { env } from "../../env";
import { recordAudit } from "../audit/record";
import { createSession } from "../sessions/sessions";
import { hashBinding } from "./binding";

export type SignInResult = { ok: true; sessionId: string } | { ok: false; reason: "not_found" | "not_complete" | "not_staff" };

/**
 * Turns a finished BankID identification into a session: a debtor's (with or without cases) or a
 * staff member's. The order must belong to this browser and is used once.
 */
export async function completeBankIdSignIn(
  db: Db,
  input: { orderId: string; purpose: "debtor" | "staff"; binding: string; now: Date },
): Promise<SignInResult> {
  const config = env();
  return db.transaction(async (tx) => {
    const [order] = await tx
      .update(bankidOrders)
      .set({ consumedAt: input.now })
      .where(
        and(
          eq(bankidOrders.id, input.orderId),
          eq(bankidOrders.browserBindingHash, hashBinding(input.binding)),
          eq(bankidOrders.kind, "auth"),
          eq(bankidOrders.purpose, input.purpose),
          isNull(bankidOrders.consumedAt),
        ),
      )
      .returning();
    if (!order) return { ok: false, reason: "not_found" } as const;
    if (order.status !== "complete" || !order.personalNumberHash) return { ok: false, reason: "not_complete" } as const;
    const user = (order.completion?.user ?? {}) as { name?: string; givenName?: string };

    if (input.purpose === "staff") {
      const [staff] = await tx
        .select()
        .from(staffUsers)
        .where(and(eq(staffUsers.personalNumberHash, order.personalNumberHash), eq(staffUsers.active, true)));
      if (!staff) {
        await recordAudit(tx, { actorKind: "system", actorId: null, action: "staff.sign_in_refused", subjectKind: "bankid_order", subjectId: order.id });
        return { ok: false, reason: "not_staff" } as const;
      }
      const sessionId = await createSession(tx, {
        kind: "staff",
        subjectId: staff.id,
        personalNumberHash: order.personalNumberHash,
        displayName: staff.name,
        now: input.now,
        maxHours: config.SESSION_MAX_HOURS,
      });
      await recordAudit(tx, { actorKind: "staff", actorId: staff.id, action: "staff.sign_in" });
      return { ok: true, sessionId } as const;
    }

    const [debtor] = await tx
      .select({ id: debtors.id, givenName: debtors.givenName })
      .from(debtors)
      .where(eq(debtors.personalNumberHash, order.personalNumberHash));
    const sessionId = await createSession(tx, {
      kind: "debtor",
      subjectId: debtor?.id ?? null,
      personalNumberHash: order.personalNumberHash,
      displayName: debtor?.givenName ?? user.givenName ?? user.name ?? "",
      now: input.now,
      maxHours: config.SESSION_MAX_HOURS,
    });
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: debtor?.id ?? null,
      action: debtor ? "debtor.sign_in" : "person.sign_in_without_cases",
      debtorId: debtor?.id ?? null,
    });
    return { ok: true, sessionId } as const;
  });
}
