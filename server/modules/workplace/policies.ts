import { asc, desc, eq, sql } from "drizzle-orm";
import type { Db, Queryable } from "../../db/client";
import { creditorPolicies, creditorPolicyVersions, creditors, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { recordAudit } from "../audit/record";
import { auditedRead } from "./staff-read";

export interface PolicyFields {
  minInstalmentOre: number;
  maxPlanMonths: number;
  chargePlanFee: boolean;
  allowPlanPause: boolean;
  replyBankDays: number;
}

/** Each creditor's policy as it stands, with its version and who last changed it. */
export async function listPolicies(db: Db, input: { staffId: string }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const rows = await tx
        .select({ creditorId: creditors.id, creditorName: creditors.name, p: creditorPolicies })
        .from(creditors)
        .innerJoin(creditorPolicies, eq(creditorPolicies.creditorId, creditors.id))
        .orderBy(asc(creditors.name));
      const history = await tx
        .select({ v: creditorPolicyVersions, by: staffUsers.name })
        .from(creditorPolicyVersions)
        .leftJoin(staffUsers, eq(staffUsers.id, creditorPolicyVersions.changedBy))
        .orderBy(desc(creditorPolicyVersions.version));
      return rows.map(({ creditorId, creditorName, p }) => ({
        creditorId,
        creditorName,
        version: p.version,
        minInstalmentOre: p.minInstalmentOre,
        maxPlanMonths: p.maxPlanMonths,
        chargePlanFee: p.chargePlanFee,
        allowPlanPause: p.allowPlanPause,
        replyBankDays: p.replyBankDays,
        defaultDueDay: p.defaultDueDay,
        letterWording: p.letterWording,
        reminderDaysBefore: p.reminderDaysBefore,
        history: history
          .filter((h) => h.v.creditorId === creditorId)
          .slice(0, 10)
          .map(({ v, by }) => ({ version: v.version, at: v.createdAt.toISOString(), byName: by, note: v.note, minInstalmentOre: v.minInstalmentOre, maxPlanMonths: v.maxPlanMonths, chargePlanFee: v.chargePlanFee, allowPlanPause: v.allowPlanPause, replyBankDays: v.replyBankDays })),
      }));
    },
    (rows) => ({ action: "policies.viewed", details: { items: rows.length } }),
  );
}

/**
 * Changes a creditor's policy: a new version, the old ones kept. Plans already made keep the
 * version they were made under; new plans are checked against this one.
 */
export async function updatePolicy(db: Db, input: { staffId: string; creditorId: string; fields: PolicyFields; note: string; expectedVersion?: number; now: Date }) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(creditorPolicies).where(eq(creditorPolicies.creditorId, input.creditorId)).for("update");
    if (!current) throw new DomainError("policy_not_found");
    if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) throw new DomainError("conflict_policy_changed");
    const version = current.version + 1;
    await tx.update(creditorPolicies).set({ ...input.fields, version, updatedAt: input.now }).where(eq(creditorPolicies.creditorId, input.creditorId));
    await tx.insert(creditorPolicyVersions).values({ creditorId: input.creditorId, version, ...input.fields, maxDueDateShiftDays: current.maxDueDateShiftDays, allocationOrder: current.allocationOrder, defaultDueDay: current.defaultDueDay, letterWording: current.letterWording, reminderDaysBefore: current.reminderDaysBefore, changedBy: input.staffId, note: input.note || null, createdAt: input.now });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "policy.changed", subjectKind: "creditor_policy", subjectId: input.creditorId, details: { version, ...input.fields, note: input.note } });
    return { creditorId: input.creditorId, version };
  });
}

/** Policies written without a version (the demo seed, older data) get their first version row. */
export async function recordMissingPolicyVersions(db: Queryable): Promise<void> {
  await db.execute(sql`
    insert into ${creditorPolicyVersions} (creditor_id, version, min_instalment_ore, max_plan_months, max_due_date_shift_days, charge_plan_fee, allow_plan_pause, reply_bank_days, allocation_order, default_due_day, letter_wording, reminder_days_before, created_at)
    select creditor_id, version, min_instalment_ore, max_plan_months, max_due_date_shift_days, charge_plan_fee, allow_plan_pause, reply_bank_days, allocation_order, default_due_day, letter_wording, reminder_days_before, updated_at from ${creditorPolicies}
    on conflict do nothing`);
}
