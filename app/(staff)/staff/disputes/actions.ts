"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";
import { parseMoney } from "@/server/domain/money";

/** Upholds (cancel or reduce) or rejects a dispute; the form is shown again with what needs fixing. */
export async function decideDisputeAction(form: FormData) {
  const disputeId = z.string().uuid().parse(form.get("disputeId"));
  const outcome = String(form.get("outcome") ?? "");
  const reason = String(form.get("reason") ?? "");
  const page = `/staff/disputes/${disputeId}`;
  const back = (error: string) => redirect(`${page}?error=${error}`);
  let decision;
  if (outcome === "cancel") decision = { outcome: "uphold" as const, remedy: "cancel" as const };
  else if (outcome === "reduce") {
    const reduceOre = parseMoney(String(form.get("reduce") ?? ""));
    if (!reduceOre || reduceOre <= 0) back("invalid_decision_amount");
    decision = { outcome: "uphold" as const, remedy: "reduce" as const, reduceOre: reduceOre! };
  } else if (outcome === "reject") decision = { outcome: "reject" as const };
  else back("outcome_required");
  try {
    await (await api()).staff.disputes.decide({ disputeId, decision: decision!, reason });
  } catch (error) {
    back(error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");
  }
  redirect(`${page}?done=1`);
}
