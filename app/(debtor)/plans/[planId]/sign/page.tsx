import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BankIdSignIn } from "@/components/debtor/bankid-sign-in";
import { bankIdTexts } from "@/components/debtor/bankid-texts";
import { requirePerson } from "@/server/auth/require";
import { completePlanSigningAction } from "../../actions";
import { loadPlan } from "../load";

type Props = { params: Promise<{ planId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("signHeading") };
}

/** Signing the plan with BankID; the text in the app is the plan itself. */
export default async function SignPlanPage({ params }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { planId } = await params;
  const plan = await loadPlan(planId);
  if (plan.status !== "awaiting_signature") redirect(`/plans/${plan.id}`);
  const t = await getTranslations("plan");
  const onPhone = /Mobi|Android|iPhone|iPad/i.test((await headers()).get("user-agent") ?? "");
  const texts = { ...(await bankIdTexts()), signingIn: t("signing") };
  return (
    <article className="space-y-6">
      <nav>
        <Link href={`/plans/${plan.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {t("back")}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold leading-tight">{t("signHeading")}</h1>
      <p className="text-lg">{t("signLead")}</p>
      <BankIdSignIn purpose="plan" signPlanId={plan.id} texts={texts} preferSameDevice={onPhone} complete={completePlanSigningAction.bind(null, plan.id)} />
    </article>
  );
}
