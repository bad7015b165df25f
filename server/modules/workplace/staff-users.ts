import { asc, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { staffUsers } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { DomainError } from "../../domain/errors";
import type { StaffRole } from "../../domain/permissions";
import { parsePersonnummer } from "../../domain/personnummer";
import { env } from "../../env";
import { personalNumberHash } from "../../security/personal-number";
import { recordAudit } from "../audit/record";
import { auditedRead } from "./staff-read";

export async function listStaff(db: Db, input: { staffId: string }) {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => (await tx.select().from(staffUsers).orderBy(asc(staffUsers.name))).map((s) => ({ id: s.id, name: s.name, role: s.role, active: s.active, createdAt: s.createdAt.toISOString() })),
    (rows) => ({ action: "staff_users.viewed", details: { items: rows.length } }),
  );
}

/** Adds a member of staff by personal number (kept only as its keyed hash, as for sign-in). */
export async function addStaff(db: Db, input: { staffId: string; personalNumber: string; name: string; role: StaffRole; now: Date }) {
  const parsed = parsePersonnummer(input.personalNumber, todayInStockholm(input.now));
  if (!parsed.ok) throw new DomainError("invalid_personnummer", undefined, { reason: parsed.reason });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(staffUsers)
      .values({ personalNumberHash: personalNumberHash(parsed.value.canonical, env().KVITT_PNR_HASH_KEY), name: input.name, role: input.role, createdAt: input.now })
      .onConflictDoNothing()
      .returning({ id: staffUsers.id });
    if (!row) throw new DomainError("conflict_staff_exists");
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "staff_user.added", subjectKind: "staff_user", subjectId: row.id, details: { role: input.role } });
    return { staffUserId: row.id };
  });
}

/** Changes a role or (de)activates someone. Nobody changes their own account, so an admin always remains. */
export async function updateStaff(db: Db, input: { staffId: string; staffUserId: string; role?: StaffRole; active?: boolean }) {
  if (input.staffUserId === input.staffId) throw new DomainError("forbidden_own_account");
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(staffUsers).where(eq(staffUsers.id, input.staffUserId)).for("update");
    if (!before) throw new DomainError("staff_not_found");
    const role = input.role ?? before.role;
    const active = input.active ?? before.active;
    await tx.update(staffUsers).set({ role, active }).where(eq(staffUsers.id, before.id));
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: active ? "staff_user.changed" : "staff_user.deactivated", subjectKind: "staff_user", subjectId: before.id, details: { from: { role: before.role, active: before.active }, to: { role, active } } });
    return { staffUserId: before.id, role, active };
  });
}
