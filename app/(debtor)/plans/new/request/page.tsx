import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PlanRequestForm } from "@/components/debtor/plan-request-form";
import { requirePerson } from "@/server/auth/require";
import { requestPlanAction } from "../../actions";
import { readRequestDraft } from "./draft";
import { StepFrame } from "../layout-parts";
import { answersOf, stepHref, type WizardParams } from "../wizard";

type Props = { searchParams: Promise<WizardParams & { refused?: string }> };

/** What a refused request left to show again: only right after it was refused (`refused=1`). */
async function refusedState(params: { refused?: string }) {
  return params.refused ? await readRequestDraft() : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const refused = await refusedState(await searchParams);
  const prefix = refused && Object.keys(refused.errors).length > 0 ? (await getTranslations("common"))("errorPrefix") : "";
  return { title: `${prefix}${(await getTranslations("plan"))("requestHeading")}` };
}

/** Asking for a plan anyway: the reason and, optionally, income and costs. */
export default async function PlanRequestPage({ searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const params = await searchParams;
  if (answersOf(params).method === null) redirect(stepHref("method", params));
  const t = await getTranslations("plan");
  const common = await getTranslations("common");
  const hidden = Object.fromEntries(Object.entries(params).filter(([k, v]) => typeof v === "string" && v && k !== "submit" && k !== "error" && k !== "refused")) as Record<string, string>;
  const codes = ["reason_required", "money_invalid", "conflict_plan_exists", "conflict_case_not_plannable", "unknown"];
  return (
    <StepFrame back={stepHref("check", params)} backLabel={t("back")} heading={t("requestHeading")} errorTitle={t("errorTitle")} errors={[]}>
      <p className="text-lg">{t("requestLead")}</p>
      <PlanRequestForm
        action={requestPlanAction}
        hidden={hidden}
        state={(await refusedState(params)) ?? { errors: {}, values: { reason: "", income: "", costs: "" } }}
        texts={{
          reason: t("requestReason"),
          income: t("requestIncome"),
          costs: t("requestCosts"),
          submit: t("requestSubmit"),
          sending: (await getTranslations("pay"))("sending"),
          errorTitle: t("errorTitle"),
          errorPrefix: common("errorPrefix"),
          errors: Object.fromEntries(codes.map((c) => [c, t(`errors.${c}`)])),
        }}
      />
    </StepFrame>
  );
}
