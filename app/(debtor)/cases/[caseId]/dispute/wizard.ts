import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { DISPUTE_REASONS, disputedAmount, type DisputeReason } from "@/server/domain/disputes";
import { parseMoney } from "@/server/domain/money";

/** The first answers, carried in the address (codes and an amount; never the person's own words). */
export interface DisputeParams {
  reason?: string;
  part?: string;
  amount?: string;
}

export type DisputeStep = "" | "amount" | "describe" | "check" | "cant-pay";

export function reasonOf(params: DisputeParams): DisputeReason | null {
  return DISPUTE_REASONS.includes(params.reason as DisputeReason) ? (params.reason as DisputeReason) : null;
}

/** The amount answer as the rule reads it (a part in kronor becomes öre). */
export function amountOf(params: DisputeParams, leftOre: number) {
  const typed = params.amount?.trim() ?? "";
  const amountOre = params.part === "part" && typed !== "" ? parseMoney(typed) : null;
  if (params.part === "part" && typed !== "" && amountOre === null) return { ok: false as const, error: "amount_invalid" as const };
  return disputedAmount({ part: params.part, amountOre, leftOre });
}

export function disputeHref(caseId: string, step: DisputeStep, params: DisputeParams = {}): string {
  const query = new URLSearchParams();
  for (const key of ["reason", "part", "amount"] as const) {
    const value = params[key];
    if (value) query.set(key, value);
  }
  const path = `/cases/${caseId}/dispute${step ? `/${step}` : ""}`;
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

/** The signed-in person's case, or "not found" for anyone else's. */
export async function loadCase(caseId: string) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  if (!z.string().uuid().safeParse(caseId).success) notFound();
  return orNotFound((await api()).debtor.cases.get({ caseId }));
}

/** A case that cannot be disputed now (paid, closed, or already disputed) goes back to its page. */
export function disputable(c: { state: string; dispute: { status: string } | null; balance: { leftOre: number } }): boolean {
  return c.state !== "paid" && c.state !== "closed" && c.dispute?.status !== "open" && c.balance.leftOre > 0;
}
