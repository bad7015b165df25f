import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { getViewer } from "@/server/auth/viewer";
import { instalmentsIcs } from "@/server/domain/ics";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

/** The plan's dates as a calendar file (.ics), with a reminder the day before each. */
export async function GET(_request: Request, { params }: { params: Promise<{ planId: string }> }) {
  const notFound = () => new Response("Not found", { status: 404 });
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return notFound();
  const { planId } = await params;
  if (!z.string().uuid().safeParse(planId).success) return notFound();
  let plan;
  try {
    plan = await (await api()).debtor.plans.get({ planId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  const ics = instalmentsIcs({
    planId: plan.id,
    title: t("agreementTitle"),
    instalments: plan.instalments.filter((i) => i.status !== "paid" && i.status !== "missed").map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountOre: i.amountOre - i.paidOre, ocrReference: i.ocrReference })),
    locale,
    url: `${env().PUBLIC_BASE_URL}/plans/${plan.id}`,
    dtstamp: new Date(),
  });
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="plan-${plan.id.slice(0, 8)}.ics"`, "Cache-Control": "private, no-store" },
  });
}
