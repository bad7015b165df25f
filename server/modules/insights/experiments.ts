import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client";
import { creditorPolicies, creditorPolicyVersions, creditors, experiments, insightExperimentArms, staffUsers } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { armPolicy, checkArms, type Arm, type ExperimentKind } from "../../domain/experiments";
import { differenceOfProportions, rate, verdict, type Difference, type Rate, type Verdict } from "../../domain/insights";
import { recordAudit } from "../audit/record";
import { auditedRead } from "../workplace/staff-read";

export interface ExperimentView {
  id: string;
  creditorId: string;
  creditorName: string;
  kind: ExperimentKind;
  armA: string;
  armB: string;
  status: "running" | "stopped";
  startedAt: string;
  startedBy: string | null;
  stoppedAt: string | null;
  stoppedBy: string | null;
  winner: Arm | null;
  policyVersion: number | null;
  /** Cases in each arm, and of those whose letter is 14 days old, the share paid or in a plan by then. */
  a: { cases: number; paid14: Rate };
  b: { cases: number; paid14: Rate };
  /** B's share minus A's, with its 95 % interval. */
  difference: Difference;
  verdict: Verdict;
  /** The arm with the higher share so far (a when equal). */
  leader: Arm;
}

/** Every experiment, running first, with its arms' figures from the rollup. */
export async function listExperiments(db: Db, input: { staffId: string }): Promise<ExperimentView[]> {
  return auditedRead(
    db,
    input.staffId,
    async (tx) => {
      const starter = alias(staffUsers, "starter");
      const stopper = alias(staffUsers, "stopper");
      const rows = await tx
        .select({ e: experiments, creditorName: creditors.name, startedBy: starter.name, stoppedBy: stopper.name })
        .from(experiments)
        .innerJoin(creditors, eq(creditors.id, experiments.creditorId))
        .leftJoin(starter, eq(starter.id, experiments.startedBy))
        .leftJoin(stopper, eq(stopper.id, experiments.stoppedBy))
        .orderBy(desc(eq(experiments.status, "running")), desc(experiments.startedAt));
      const arms = await tx.select().from(insightExperimentArms);
      return rows.map(({ e, creditorName, startedBy, stoppedBy }) => {
        const arm = (which: Arm) => arms.find((x) => x.experimentId === e.id && x.arm === which) ?? { cases: 0, eligible14: 0, paid14: 0 };
        const a = arm("a");
        const b = arm("b");
        const difference = differenceOfProportions(a.paid14, a.eligible14, b.paid14, b.eligible14);
        return {
          id: e.id,
          creditorId: e.creditorId,
          creditorName,
          kind: e.kind,
          armA: e.armA,
          armB: e.armB,
          status: e.status,
          startedAt: e.startedAt.toISOString(),
          startedBy,
          stoppedAt: e.stoppedAt?.toISOString() ?? null,
          stoppedBy,
          winner: e.winner,
          policyVersion: e.policyVersion,
          a: { cases: a.cases, paid14: rate(a.paid14, a.eligible14) },
          b: { cases: b.cases, paid14: rate(b.paid14, b.eligible14) },
          difference,
          verdict: verdict(difference),
          leader: difference.difference > 0 ? "b" : "a",
        } satisfies ExperimentView;
      });
    },
    (rows) => ({ action: "experiments.viewed", details: { items: rows.length } }),
  );
}

/** Starts an experiment for a creditor: from now on its new cases are split between the two arms. */
export async function startExperiment(db: Db, input: { staffId: string; creditorId: string; kind: ExperimentKind; armA: string; armB: string; now: Date }): Promise<{ experimentId: string }> {
  const arms = checkArms(input.kind, input.armA, input.armB);
  return db.transaction(async (tx) => {
    // The policy row is the creditor's lock: one experiment at a time, and none while its policy changes.
    const [policy] = await tx.select({ id: creditorPolicies.creditorId }).from(creditorPolicies).where(eq(creditorPolicies.creditorId, input.creditorId)).for("update");
    if (!policy) throw new DomainError("policy_not_found");
    const [running] = await tx.select({ id: experiments.id }).from(experiments).where(and(eq(experiments.creditorId, input.creditorId), eq(experiments.status, "running")));
    if (running) throw new DomainError("conflict_experiment_running");
    const [row] = await tx
      .insert(experiments)
      .values({ creditorId: input.creditorId, kind: input.kind, ...arms, salt: randomUUID(), startedBy: input.staffId, startedAt: input.now })
      .returning({ id: experiments.id });
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "experiment.started", subjectKind: "experiment", subjectId: row!.id, details: { creditorId: input.creditorId, kind: input.kind, ...arms } });
    return { experimentId: row!.id };
  });
}

/**
 * Stops an experiment: new cases are no longer split, and the chosen arm becomes the creditor's
 * policy as a new version (the old one kept, as for every policy change).
 */
export async function stopExperiment(db: Db, input: { staffId: string; experimentId: string; winner: Arm; now: Date }): Promise<{ experimentId: string; policyVersion: number }> {
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(experiments).where(eq(experiments.id, input.experimentId)).for("update");
    if (!e) throw new DomainError("experiment_not_found");
    if (e.status !== "running") throw new DomainError("conflict_experiment_stopped");
    const [current] = await tx.select().from(creditorPolicies).where(eq(creditorPolicies.creditorId, e.creditorId)).for("update");
    if (!current) throw new DomainError("policy_not_found");
    const change = armPolicy(e.kind, input.winner === "a" ? e.armA : e.armB);
    const version = current.version + 1;
    const next = { ...current, ...change, version, updatedAt: input.now };
    await tx.update(creditorPolicies).set({ ...change, version, updatedAt: input.now }).where(eq(creditorPolicies.creditorId, e.creditorId));
    await tx.insert(creditorPolicyVersions).values({
      creditorId: e.creditorId,
      version,
      minInstalmentOre: next.minInstalmentOre,
      maxPlanMonths: next.maxPlanMonths,
      maxDueDateShiftDays: next.maxDueDateShiftDays,
      chargePlanFee: next.chargePlanFee,
      allowPlanPause: next.allowPlanPause,
      replyBankDays: next.replyBankDays,
      allocationOrder: next.allocationOrder,
      defaultDueDay: next.defaultDueDay,
      letterWording: next.letterWording,
      reminderDaysBefore: next.reminderDaysBefore,
      changedBy: input.staffId,
      note: `experiment ${e.id}: ${e.kind} ${input.winner === "a" ? e.armA : e.armB}`,
      createdAt: input.now,
    });
    await tx.update(experiments).set({ status: "stopped", stoppedAt: input.now, stoppedBy: input.staffId, winner: input.winner, policyVersion: version }).where(eq(experiments.id, e.id));
    await recordAudit(tx, { actorKind: "staff", actorId: input.staffId, action: "experiment.stopped", subjectKind: "experiment", subjectId: e.id, details: { winner: input.winner, policyVersion: version, ...change } });
    return { experimentId: e.id, policyVersion: version };
  });
}
