"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DISPUTE_DESCRIPTION_MAX } from "@/server/domain/disputes";
import { DomainError } from "@/server/domain/errors";
import { filesFromForm } from "@/server/modules/attachments/form-files";
import { amountOf, disputeHref, reasonOf, type DisputeParams } from "./wizard";

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");
const text = (form: FormData, key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : undefined);

/**
 * Question 3: the description, and any files that show what happened. Kept as a draft whatever it
 * holds (nothing typed is lost), then on to "check your answers", or back with what needs fixing.
 */
export async function saveDisputeDescriptionAction(form: FormData) {
  const caseId = z.string().uuid().parse(form.get("caseId"));
  const params: DisputeParams = { reason: text(form, "reason"), part: text(form, "part"), amount: text(form, "amount") };
  const reason = reasonOf(params);
  const description = text(form, "description") ?? "";
  if (!reason) redirect(disputeHref(caseId, "", params));
  const c = await (await api()).debtor.cases.get({ caseId });
  const amount = amountOf(params, c.balance.leftOre);
  if (!amount.ok) redirect(disputeHref(caseId, "amount", { ...params, submit: "1" } as DisputeParams));
  const caller = await api();
  await caller.debtor.disputes.saveDraft({ caseId, reason, part: amount.part, disputedOre: amount.disputedOre, description });
  const here = (error: string) => `${disputeHref(caseId, "describe", params)}${params.reason ? "&" : "?"}error=${error}`;
  const remove = z.string().uuid().safeParse(form.get("remove"));
  if (remove.success) {
    await caller.debtor.disputes.detach({ caseId, attachmentId: remove.data });
    redirect(disputeHref(caseId, "describe", params));
  }
  const files = await filesFromForm(form);
  if (files.length > 0) {
    const attached = await caller.debtor.disputes.attach({ caseId, files });
    if (!attached.ok) redirect(here("file"));
  }
  const trimmed = description.trim();
  const error = trimmed === "" ? "description_required" : trimmed.length > DISPUTE_DESCRIPTION_MAX ? "description_too_long" : null;
  if (error) redirect(here(error));
  redirect(disputeHref(caseId, "check"));
}

/** "Check your answers" → the dispute is sent: the case is paused at once. */
export async function submitDisputeAction(form: FormData) {
  const caseId = z.string().uuid().parse(form.get("caseId"));
  const draft = await (await api()).debtor.disputes.draft({ caseId });
  if (!draft) redirect(disputeHref(caseId, ""));
  try {
    await (await api()).debtor.disputes.submit({
      caseId,
      reason: draft.reason,
      part: draft.part,
      amountOre: draft.part === "part" ? draft.disputedOre : null,
      description: draft.description,
    });
  } catch (error) {
    redirect(`${disputeHref(caseId, "check")}?error=${codeOf(error)}`);
  }
  redirect(`/cases/${caseId}?disputed=1`);
}
