import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";

/** The signed-in debtor's plan, or a plain 404 (also for anyone else's plan). */
export async function loadPlan(planId: string) {
  if (!z.string().uuid().safeParse(planId).success) notFound();
  try {
    return await (await api()).debtor.plans.get({ planId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
