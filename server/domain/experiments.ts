import { createHash } from "node:crypto";
import { addDays, addMonths, nextBankDay, type IsoDate } from "./calendar";
import { DomainError } from "./errors";

export const EXPERIMENT_KINDS = ["due_day", "letter_wording", "reminder_days"] as const;
export type ExperimentKind = (typeof EXPERIMENT_KINDS)[number];
export type Arm = "a" | "b";

export const LETTER_WORDINGS = ["standard", "brief"] as const;
export type LetterWording = (typeof LETTER_WORDINGS)[number];

/** What a new case takes from its creditor's policy. */
export interface CaseTermsPolicy {
  defaultDueDay: number;
  letterWording: LetterWording;
  reminderDaysBefore: number;
}

export interface RunningExperiment {
  id: string;
  kind: ExperimentKind;
  armA: string;
  armB: string;
  salt: string;
}

/**
 * The arm a person falls in: the first four bytes of SHA-256 over the experiment's salt and the
 * person's id, as a number from 0 to 1, below one half is arm a. The same person always lands in
 * the same arm of an experiment, so all their cases are treated alike.
 */
export function assignArm(salt: string, debtorId: string): Arm {
  const digest = createHash("sha256").update(`${salt}:${debtorId}`).digest();
  return digest.readUInt32BE(0) / 2 ** 32 < 0.5 ? "a" : "b";
}

/** Checks the two settings of an experiment and returns them in their stored form. */
export function checkArms(kind: ExperimentKind, a: string, b: string): { armA: string; armB: string } {
  const armA = a.trim();
  const armB = b.trim();
  if (armA === armB) throw new DomainError("experiment_same_arms", "the two arms must differ");
  const ok =
    kind === "due_day"
      ? [armA, armB].every((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 28)
      : kind === "reminder_days"
        ? [armA, armB].every((v) => /^\d{1,2}$/.test(v) && Number(v) >= 1 && Number(v) <= 10)
        : [armA, armB].every((v) => (LETTER_WORDINGS as readonly string[]).includes(v));
  if (!ok) throw new DomainError("experiment_invalid_arms", "arms out of range", { kind, armA, armB });
  return { armA: String(kind === "letter_wording" ? armA : Number(armA)), armB: String(kind === "letter_wording" ? armB : Number(armB)) };
}

/** The policy fields an experiment's arm sets. */
export function armPolicy(kind: ExperimentKind, value: string): Partial<CaseTermsPolicy> {
  if (kind === "due_day") return { defaultDueDay: Number(value) };
  if (kind === "reminder_days") return { reminderDaysBefore: Number(value) };
  return { letterWording: value as LetterWording };
}

/** A collection letter gives at least this many days to pay. */
export const MIN_DAYS_TO_PAY = 14;

/**
 * The due date on a day of the month: the first such day at least `MIN_DAYS_TO_PAY` days after
 * the letter, moved to the next bank day when it is not one. Day 29–31 in a short month is its last day.
 */
export function dueDateOnDay(letterOn: IsoDate, dueDay: number): IsoDate {
  if (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31) throw new DomainError("invalid_due_day", "due day 1–31", { dueDay });
  const earliest = addDays(letterOn, MIN_DAYS_TO_PAY);
  let first = `${earliest.slice(0, 7)}-01`;
  for (;;) {
    const last = Number(addDays(addMonths(first, 1), -1).slice(8, 10));
    const candidate = `${first.slice(0, 8)}${String(Math.min(dueDay, last)).padStart(2, "0")}`;
    if (candidate >= earliest) return nextBankDay(candidate);
    first = addMonths(first, 1);
  }
}

export interface CaseTerms extends CaseTermsPolicy {
  dueDate: IsoDate;
  /** The experiment and arm the case opened under, when one ran. */
  experiment: { id: string; arm: Arm } | null;
}

/** A new case's due date, letter wording and reminder offset: the policy, with a running experiment's arm on top. */
export function caseTerms(policy: CaseTermsPolicy, experiment: RunningExperiment | null, debtorId: string, letterOn: IsoDate): CaseTerms {
  let terms: CaseTermsPolicy = { ...policy };
  let assigned: CaseTerms["experiment"] = null;
  if (experiment) {
    const arm = assignArm(experiment.salt, debtorId);
    terms = { ...terms, ...armPolicy(experiment.kind, arm === "a" ? experiment.armA : experiment.armB) };
    assigned = { id: experiment.id, arm };
  }
  return { ...terms, dueDate: dueDateOnDay(letterOn, terms.defaultDueDay), experiment: assigned };
}
