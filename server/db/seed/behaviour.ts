/**
 * How the generated people behave: the one file of parameters for `seedInsights`
 * (`server/db/seed/insights.ts`), the demo's generated agency and the 1 000 000-case benchmark.
 *
 * The sources in the product brief say: with the Kivra digital mailbox about 60 % paid within five
 * days; moving young adults' due date from the 23rd to the 26th (after payday, the 25th) took them
 * from 5 % to 55 % paid. These numbers only shape the rows written (letters in the outbox, cases
 * paid or put in a plan on a day, plans kept or lapsed, holds, disputes, replies). The dashboard
 * never reads this file: it counts the rows, so what it shows is measured, with its own noise.
 *
 * Model, per case:
 *  1. The person's age band is drawn from `ageBands`, their channel from `channels[*].share`.
 *  2. Their case's due day is drawn from `dueDays` (or, while an experiment runs for the
 *     creditor, it comes from the person's arm), then moved to a bank day.
 *  3. A person aged 18–25 settles (pays in full or signs a plan) within 30 days of the letter with
 *     `young.settleWithin30.afterPayday` when the due date falls after the 25th, else with
 *     `young.settleWithin30.beforePayday`; the day is drawn evenly over those 30 days.
 *     Anyone older settles within 30 days with `channels[c].settleWithin30`; of those, the share
 *     `channels[c].withinFiveDays` do it in the first five days, the rest on days 6–30.
 *  4. Whoever has not settled by day 30 may settle later (`lateSettle`, days 31–90); a case
 *     still unsettled 60 days after its letter goes to Kronofogden with `paymentOrder`.
 *  5. A settlement is a plan with `planShare`, else payment in full. A plan signed more than 60
 *     days ago lapses with `planLapse`. Unsettled cases are disputed with `disputed`, put on hold with `onHold`.
 *  6. `replies`: a share of people write a message a couple of days after the letter; staff reply
 *     after a number of hours drawn from `replies.hours`, and the promise is the next bank day.
 *
 * So: Kivra recipients aged 26+ pay within five days with 0.86 × 0.88 ≈ 76 %, young ones rarely
 * that fast; with 20 % young people the Kivra figure lands near 60 %.
 */
export const BEHAVIOUR = {
  /** Letters are spread evenly over this many days before today. */
  spanDays: 180,
  /** Channels by name: a channel the outbox does not know yet is simply another key here. */
  channels: {
    kivra: { share: 0.45, settleWithin30: 0.86, withinFiveDays: 0.88 },
    email: { share: 0.22, settleWithin30: 0.62, withinFiveDays: 0.45 },
    sms: { share: 0.18, settleWithin30: 0.58, withinFiveDays: 0.45 },
    paper: { share: 0.15, settleWithin30: 0.42, withinFiveDays: 0.2 },
  } as Record<string, { share: number; settleWithin30: number; withinFiveDays: number }>,
  ageBands: [
    { band: "18-25", share: 0.2, fromAge: 18, toAge: 25 },
    { band: "26-40", share: 0.35, fromAge: 26, toAge: 40 },
    { band: "41-65", share: 0.33, fromAge: 41, toAge: 65 },
    { band: "66+", share: 0.12, fromAge: 66, toAge: 85 },
  ],
  /** Due days of generated cases (before an experiment's arm takes over). */
  dueDays: [
    { day: 23, share: 0.45 },
    { day: 26, share: 0.45 },
    { day: 25, share: 0.1 },
  ],
  young: { settleWithin30: { afterPayday: 0.55, beforePayday: 0.05 } },
  lateSettle: 0.3,
  paymentOrder: 0.4,
  planShare: 0.2,
  planLapse: 0.3,
  disputed: 0.03,
  onHold: 0.02,
  replies: { share: 0.06, hours: [2, 5, 20, 26, 30, 50, 75] },
  /**
   * A demo experiment on the shop's due day, 23rd against 26th, started this many days ago: its
   * cases get their due day from the person's arm, so the page shows an experiment under way.
   */
  demoExperiment: { creditor: "Hemma & Handla AB", kind: "due_day" as const, armA: "23", armB: "26", startedDaysAgo: 75 },
};
