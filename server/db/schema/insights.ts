import { sql } from "drizzle-orm";
import { date, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { creditors } from "./creditors";
import { staffUsers } from "./staff";

/**
 * A test of one policy setting between two arms: new cases of the creditor are split at random,
 * stable per person, while it runs. Stopping it writes the chosen arm into the creditor's policy.
 */
export const experiments = pgTable(
  "experiments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    creditorId: uuid("creditor_id")
      .notNull()
      .references(() => creditors.id),
    /** due_day | letter_wording | reminder_days */
    kind: text("kind").$type<"due_day" | "letter_wording" | "reminder_days">().notNull(),
    /** The two settings tried, as text ("23" / "26", "standard" / "brief", "3" / "5"). */
    armA: text("arm_a").notNull(),
    armB: text("arm_b").notNull(),
    /** Mixed into the hash that splits people, so each experiment splits them afresh. */
    salt: text("salt").notNull(),
    /** running | stopped */
    status: text("status").$type<"running" | "stopped">().notNull().default("running"),
    startedBy: uuid("started_by").references(() => staffUsers.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    stoppedBy: uuid("stopped_by").references(() => staffUsers.id),
    stoppedAt: timestamp("stopped_at", { withTimezone: true }),
    /** The arm made policy when it stopped. */
    winner: text("winner").$type<"a" | "b">(),
    /** The policy version the winner became. */
    policyVersion: integer("policy_version"),
  },
  (t) => [uniqueIndex("experiments_one_running_idx").on(t.creditorId).where(sql`${t.status} = 'running'`)],
);

/** Which arm each case opened under while an experiment ran. */
export const experimentCases = pgTable(
  "experiment_cases",
  {
    caseId: uuid("case_id")
      .primaryKey()
      .references(() => cases.id, { onDelete: "cascade" }),
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id),
    arm: text("arm").$type<"a" | "b">().notNull(),
  },
  (t) => [index("experiment_cases_experiment_idx").on(t.experimentId, t.arm)],
);

/**
 * The dashboard's rollup: cases counted per day of their first collection letter, creditor,
 * channel, due day against payday and age band. Rebuilt by the `insights-refresh` job, so a page
 * view sums a few thousand rows and never reads the cases.
 */
export const insightCube = pgTable(
  "insight_cube",
  {
    letterOn: date("letter_on", { mode: "string" }).notNull(),
    creditorId: uuid("creditor_id").notNull(),
    /** The channel the first collection letter went by ("none" when the outbox has no letter). */
    channel: text("channel").notNull(),
    /** before | on | after (the 25th) */
    dueGroup: text("due_group").notNull(),
    /** 18-25 | 26-40 | 41-65 | 66+ */
    ageBand: text("age_band").notNull(),
    cases: integer("cases").notNull(),
    /** Cases whose letter is at least 5 (14, 30) days old, and of those the ones paid or in a plan by then. */
    eligible5: integer("eligible5").notNull(),
    paid5: integer("paid5").notNull(),
    eligible14: integer("eligible14").notNull(),
    paid14: integer("paid14").notNull(),
    eligible30: integer("eligible30").notNull(),
    paid30: integer("paid30").notNull(),
    /** Where the cases stand now. */
    paid: integer("paid").notNull(),
    inPlan: integer("in_plan").notNull(),
    disputed: integer("disputed").notNull(),
    onHold: integer("on_hold").notNull(),
    enforcement: integer("enforcement").notNull(),
    plansKept: integer("plans_kept").notNull(),
    plansLapsed: integer("plans_lapsed").notNull(),
  },
  (t) => [primaryKey({ columns: [t.letterOn, t.creditorId, t.channel, t.dueGroup, t.ageBand] }), index("insight_cube_creditor_idx").on(t.creditorId, t.letterOn)],
);

/** First replies to people's messages per day asked and creditor (none for general questions). */
export const insightReplyCube = pgTable(
  "insight_reply_cube",
  {
    askedOn: date("asked_on", { mode: "string" }).notNull(),
    /** The nil uuid for a general question. */
    creditorId: uuid("creditor_id").notNull(),
    threads: integer("threads").notNull(),
    answered: integer("answered").notNull(),
    /** Answered on or before the promised day. */
    onTime: integer("on_time").notNull(),
    hoursSum: doublePrecision("hours_sum").notNull(),
    hoursSquares: doublePrecision("hours_squares").notNull(),
  },
  (t) => [primaryKey({ columns: [t.askedOn, t.creditorId] })],
);

/** Each experiment arm's cases and how many were paid or in a plan within 14 days. */
export const insightExperimentArms = pgTable(
  "insight_experiment_arms",
  {
    experimentId: uuid("experiment_id")
      .notNull()
      .references(() => experiments.id, { onDelete: "cascade" }),
    arm: text("arm").notNull(),
    cases: integer("cases").notNull(),
    eligible14: integer("eligible14").notNull(),
    paid14: integer("paid14").notNull(),
  },
  (t) => [primaryKey({ columns: [t.experimentId, t.arm] })],
);

/** When the rollups were last rebuilt (one row), shown on the page as "figures as of". */
export const insightRefreshes = pgTable("insight_refreshes", {
  id: integer("id").primaryKey().default(1),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull(),
  asOf: date("as_of", { mode: "string" }).notNull(),
  cases: integer("cases").notNull(),
  tookMs: integer("took_ms").notNull(),
});
