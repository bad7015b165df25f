import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { longDate } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { postponeDueDateAction } from "../../../plans/actions";

type Props = { params: Promise<{ caseId: string }>; searchParams: Promise<{ error?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("postponeHeading") };
}

/** Moving a case's last day to after payday: once, confirmed at once with the new date. */
export default async function PostponePage({ params, searchParams }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { caseId } = await params;
  if (!z.string().uuid().safeParse(caseId).success) notFound();
  const c = await orNotFound((await api()).debtor.cases.get({ caseId }));
  const t = await getTranslations("plan");
  const locale = (await getLocale()) as Locale;
  const { error } = await searchParams;
  const allowed = c.state === "to_pay" && !c.dueDateMovedOn;

  return (
    <article className="space-y-6">
      <nav>
        <Link href={`/cases/${c.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {t("back")}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold leading-tight">{t("postponeHeading")}</h1>
      {error && (
        <p role="alert" className="rounded-lg border-4 border-error p-4 font-semibold">
          {t("postponeNotAllowed")}
        </p>
      )}
      {allowed ? (
        <>
          <p className="text-lg">{t("postponeLead", { date: longDate(c.dueDate, locale) })}</p>
          <form action={postponeDueDateAction}>
            <input type="hidden" name="caseId" value={c.id} />
            <button type="submit" className="inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand sm:w-auto">
              {t("postponeButton")}
            </button>
          </form>
        </>
      ) : (
        <p className="text-lg">{t("postponeNotAllowed")}</p>
      )}
    </article>
  );
}
