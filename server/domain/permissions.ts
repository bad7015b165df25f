/**
 * What each staff role may do, as named permissions. Procedures ask for a permission, never a role,
 * so a role's rights are read in one place.
 */
export const STAFF_ROLES = ["agent", "supervisor", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const PERMISSIONS = [
  /** See the queue and search for people. */
  "queue:read",
  /** Take, assign and work queue items. */
  "queue:work",
  /** Read a person's data (the debtor screen). */
  "debtor:read",
  /** Notes, holds, promises to pay, support needs. */
  "debtor:write",
  /** See the full personal number (audited with the reason). */
  "debtor:reveal-pnr",
  /** Read the detail of a support need (special-category data). */
  "support-needs:read",
  /** Place, pay back and import payments. */
  "payments:write",
  /** Decide on plans asked for outside policy. */
  "plans:decide",
  /** Answer debtors: messages, callbacks, complaints, data-access requests. */
  "talk:answer",
  /** Decide disputes. */
  "disputes:decide",
  /** Read the reply templates (to use them). */
  "templates:read",
  /** Each agent's load in the queue. */
  "staff:load",
  "audit:read",
  /** The insights dashboard, its CSV and the experiments' results. */
  "insights:read",
  /** Start and stop experiments (stopping one changes a creditor's policy). */
  "experiments:manage",
  "policy:write",
  "templates:write",
  "staff:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const AGENT: Permission[] = [
  "queue:read",
  "queue:work",
  "debtor:read",
  "debtor:write",
  "debtor:reveal-pnr",
  "support-needs:read",
  "payments:write",
  "plans:decide",
  "talk:answer",
  "disputes:decide",
  "templates:read",
];
const SUPERVISOR: Permission[] = [...AGENT, "staff:load", "audit:read", "insights:read", "experiments:manage", "policy:write", "templates:write"];

export const ROLE_PERMISSIONS: Record<StaffRole, ReadonlySet<Permission>> = {
  agent: new Set(AGENT),
  supervisor: new Set(SUPERVISOR),
  admin: new Set([...SUPERVISOR, "staff:manage"]),
};

const RANK: Record<StaffRole, number> = { agent: 1, supervisor: 2, admin: 3 };

/** A permission, or (for older callers) the least role that may call. */
export type StaffNeed = Permission | StaffRole;

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export function staffMay(role: StaffRole, need: StaffNeed): boolean {
  if (isStaffRole(need)) return RANK[role] >= RANK[need];
  return ROLE_PERMISSIONS[role].has(need);
}

/** The roles that hold a permission (or reach a least role). */
export function rolesWith(need: StaffNeed): StaffRole[] {
  return STAFF_ROLES.filter((role) => staffMay(role, need));
}
