"use server";

import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

const codeOf = (error: unknown) => (error instanceof TRPCError && error.cause instanceof DomainError ? error.cause.code : "unknown");
const id = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? "");
  if (!z.string().uuid().safeParse(value).success) redirect("/staff/talk?error=unknown");
  return value;
};

export async function replyAction(form: FormData) {
  const threadId = id(form, "threadId");
  try {
    await (await api()).staff.talk.reply({ threadId, body: String(form.get("body") ?? "").slice(0, 20_000) });
  } catch (error) {
    redirect(`/staff/talk/threads/${threadId}?error=${codeOf(error)}`);
  }
  redirect(`/staff/talk/threads/${threadId}?done=replied`);
}

export async function handledAction(form: FormData) {
  const threadId = id(form, "threadId");
  try {
    await (await api()).staff.talk.handled({ threadId });
  } catch (error) {
    redirect(`/staff/talk/threads/${threadId}?error=${codeOf(error)}`);
  }
  redirect("/staff/talk?done=handled");
}

export async function callbackOutcomeAction(form: FormData) {
  const callbackId = id(form, "callbackId");
  const outcome = z.enum(["reached", "no_answer", "wrong_number"]).safeParse(form.get("outcome"));
  if (!outcome.success) redirect(`/staff/talk/callbacks/${callbackId}?error=outcome_required`);
  try {
    await (await api()).staff.callbacks.outcome({ callbackId, outcome: outcome.data, note: String(form.get("note") ?? "").slice(0, 2000) });
  } catch (error) {
    redirect(`/staff/talk/callbacks/${callbackId}?error=${codeOf(error)}`);
  }
  redirect("/staff/talk?done=called");
}

export async function answerComplaintAction(form: FormData) {
  const requestId = id(form, "requestId");
  try {
    await (await api()).staff.requests.answer({ requestId, answer: String(form.get("answer") ?? "").slice(0, 20_000) });
  } catch (error) {
    redirect(`/staff/talk/requests/${requestId}?error=${codeOf(error)}`);
  }
  redirect("/staff/talk?done=answered");
}

export async function releaseDataAccessAction(form: FormData) {
  const requestId = id(form, "requestId");
  try {
    await (await api()).staff.requests.release({ requestId });
  } catch (error) {
    redirect(`/staff/talk/requests/${requestId}?error=${codeOf(error)}`);
  }
  redirect("/staff/talk?done=released");
}
