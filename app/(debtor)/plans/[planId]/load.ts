import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api, orNotFound } from "@/server/api/server-caller";
import { getViewer } from "@/server/auth/viewer";

/** The signed-in debtor's plan, or a plain 404 (also for anyone else's plan). */
export async function loadPlan(planId: string) {
  if (!z.string().uuid().safeParse(planId).success) notFound();
  return orNotFound((await api()).debtor.plans.get({ planId }));
}

/**
 * For a file download (agreement, calendar): the signed-in debtor's plan, or null for a 404
 * response (signed out, a malformed id, or anyone else's plan).
 */
export async function planForDownload(planId: string) {
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return null;
  if (!z.string().uuid().safeParse(planId).success) return null;
  try {
    return await (await api()).debtor.plans.get({ planId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}
