import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ImportForm } from "@/components/staff/import-form";
import { requireStaff } from "@/server/auth/require";
import { importBgMaxAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff.import"))("title") };
}

/** Staff upload of Bankgirot's BgMax file. */
export default async function StaffImportPage() {
  await requireStaff();
  const t = await getTranslations("staff.import");
  const p = await getTranslations("staff.payments");
  return (
    <div className="space-y-6">
      <nav>
        <Link href="/staff/payments" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {p("title")}
        </Link>
      </nav>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("lead")}</p>
      <ImportForm
        action={importBgMaxAction}
        texts={{ file: t("file"), submit: t("submit"), noFile: t("noFile"), already: t("already"), result: t.raw("result") as string, error: t.raw("error") as string, unknown: p("error.unknown") }}
      />
    </div>
  );
}
