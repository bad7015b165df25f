"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

/** Approves or refuses a plan asked for outside policy. */
export async function decidePlanAction(form: FormData) {
  const parsed = z
    .object({ planId: z.string().uuid(), decision: z.enum(["approve", "reject"]), note: z.string().max(1000).default("") })
    .safeParse({ planId: form.get("planId"), decision: form.get("decision"), note: form.get("note") ?? "" });
  if (!parsed.success) redirect("/staff/plans?error=unknown");
  try {
    await (await api()).staff.plans.decide({ planId: parsed.data.planId, approve: parsed.data.decision === "approve", note: parsed.data.note });
  } catch (error) {
    const code = error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown";
    redirect(`/staff/plans?error=${code}`);
  }
  redirect(`/staff/plans?done=${parsed.data.decision}`);
}
