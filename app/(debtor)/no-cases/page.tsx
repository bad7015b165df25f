import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePerson } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cases"))("noCasesTitle") };
}

/** A person who signed in but has nothing with us: a kind page, never an error. */
export default async function NoCasesPage() {
  const viewer = await requirePerson();
  if (viewer.subjectId) redirect("/cases");
  const t = await getTranslations("cases");
  return (
    <div className="space-y-4">
      <p className="text-muted">{t("greeting", { name: viewer.displayName })}</p>
      <h1 className="text-3xl font-bold">{t("noCasesTitle")}</h1>
      <p className="text-lg">{t("noCases")}</p>
      <p>{t("noCasesLetter")}</p>
      <p>{t("contact")}</p>
      <p>
        <Link href="/help" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          {t("helpLink")}
        </Link>
      </p>
    </div>
  );
}
