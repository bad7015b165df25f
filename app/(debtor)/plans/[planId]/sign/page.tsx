import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankIdFlow } from "@/components/debtor/bankid-flow";
import { isPhone } from "@/components/debtor/login-panel";
import { requirePerson } from "@/server/auth/require";
import { loadPlan } from "../load";

type Props = { params: Promise<{ planId: string }>; searchParams: Promise<{ bankid?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("signHeading") };
}

/** Signing the plan with BankID; the text in the app is the plan itself. */
export default async function SignPlanPage({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { planId } = await params;
  const plan = await loadPlan(planId);
  if (plan.status !== "awaiting_signature") redirect(`/plans/${plan.id}`);
  const t = await getTranslations("plan");
  const onPhone = isPhone((await headers()).get("user-agent") ?? "");
  return (
    <article className="space-y-6">
      <nav>
        <Link href={`/plans/${plan.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {t("back")}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold leading-tight">{t("signHeading")}</h1>
      <p className="text-lg">{t("signLead")}</p>
      <BankIdFlow purpose={`plan:${plan.id}`} onPhone={onPhone} result={(await searchParams).bankid} />
    </article>
  );
}
