import { and, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { cases, creditorPolicies, experimentCases, experiments } from "../../db/schema";
import { addDays, type IsoDate } from "../../domain/calendar";
import { caseTerms, type CaseTermsPolicy, type RunningExperiment } from "../../domain/experiments";
import { enqueueMessages } from "../outreach/enqueue";

export interface NewCase {
  creditorId: string;
  debtorId: string;
  caseNumber: string;
  invoiceNumber: string;
  invoiceDate: IsoDate;
  originalDueDate: IsoDate;
  description: string;
  principalOre: number;
  ocrReference: string;
  /** The day the collection letter goes: the due date is counted from it. */
  letterOn: IsoDate;
}

export interface OpenedCase {
  id: string;
  caseNumber: string;
  debtorId: string;
  dueDate: IsoDate;
  letterWording: CaseTermsPolicy["letterWording"];
  reminderDaysBefore: number;
  experiment: { id: string; arm: "a" | "b" } | null;
}

const FALLBACK: CaseTermsPolicy = { defaultDueDay: 26, letterWording: "standard", reminderDaysBefore: 3 };

/** Each creditor's terms for new cases and the experiment running for it, if any. */
export async function termsByCreditor(tx: Queryable, creditorIds: string[]): Promise<Map<string, { policy: CaseTermsPolicy; experiment: RunningExperiment | null }>> {
  const ids = [...new Set(creditorIds)];
  const policies = await tx
    .select({ creditorId: creditorPolicies.creditorId, defaultDueDay: creditorPolicies.defaultDueDay, letterWording: creditorPolicies.letterWording, reminderDaysBefore: creditorPolicies.reminderDaysBefore })
    .from(creditorPolicies)
    .where(inArray(creditorPolicies.creditorId, ids));
  const running = await tx
    .select({ id: experiments.id, creditorId: experiments.creditorId, kind: experiments.kind, armA: experiments.armA, armB: experiments.armB, salt: experiments.salt })
    .from(experiments)
    .where(and(inArray(experiments.creditorId, ids), eq(experiments.status, "running")));
  return new Map(
    ids.map((id) => {
      const p = policies.find((x) => x.creditorId === id);
      const e = running.find((x) => x.creditorId === id);
      return [id, { policy: p ? { defaultDueDay: p.defaultDueDay, letterWording: p.letterWording, reminderDaysBefore: p.reminderDaysBefore } : FALLBACK, experiment: e ? { id: e.id, kind: e.kind, armA: e.armA, armB: e.armB, salt: e.salt } : null }];
    }),
  );
}

/**
 * Opens cases that arrive from creditors: the one place a new case gets its due date, its letter's
 * wording and its reminder's offset, from the creditor's policy or, while an experiment runs, from
 * the person's arm of it (recorded in `experiment_cases`). With `queueLetters` the collection
 * letter is queued in the same transaction.
 */
export async function openCases(tx: Queryable, input: NewCase[], options: { now: Date; queueLetters: boolean }): Promise<OpenedCase[]> {
  if (input.length === 0) return [];
  const terms = await termsByCreditor(
    tx,
    input.map((c) => c.creditorId),
  );
  const planned = input.map((c) => {
    const t = terms.get(c.creditorId)!;
    return { c, terms: caseTerms(t.policy, t.experiment, c.debtorId, c.letterOn) };
  });
  const rows = await tx
    .insert(cases)
    .values(
      planned.map(({ c, terms: t }) => ({
        caseNumber: c.caseNumber,
        creditorId: c.creditorId,
        debtorId: c.debtorId,
        invoiceNumber: c.invoiceNumber,
        invoiceDate: c.invoiceDate,
        originalDueDate: c.originalDueDate,
        description: c.description,
        principalOre: c.principalOre,
        ocrReference: c.ocrReference,
        collectionLetterSentOn: c.letterOn,
        dueDate: t.dueDate,
        letterWording: t.letterWording,
        reminderDaysBefore: t.reminderDaysBefore,
        paymentOrderFrom: addDays(t.dueDate, 30),
      })),
    )
    .returning({ id: cases.id, caseNumber: cases.caseNumber });
  const idOf = new Map(rows.map((r) => [r.caseNumber, r.id]));
  const opened = planned.map(({ c, terms: t }) => ({ id: idOf.get(c.caseNumber)!, caseNumber: c.caseNumber, debtorId: c.debtorId, dueDate: t.dueDate, letterWording: t.letterWording, reminderDaysBefore: t.reminderDaysBefore, experiment: t.experiment }));
  const assigned = opened.filter((o) => o.experiment);
  if (assigned.length > 0) await tx.insert(experimentCases).values(assigned.map((o) => ({ caseId: o.id, experimentId: o.experiment!.id, arm: o.experiment!.arm })));
  if (options.queueLetters) {
    await enqueueMessages(
      tx,
      opened.map((o) => ({ debtorId: o.debtorId, caseId: o.id, kind: "collection_letter", payload: { caseNumber: o.caseNumber }, dedupeKey: `case:${o.id}:collection_letter`, scheduledFor: options.now })),
    );
  }
  return opened;
}
