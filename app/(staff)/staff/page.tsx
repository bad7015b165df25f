import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/server/auth/require";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("staff"))("title") };
}

export default async function StaffHome() {
  const viewer = await requireStaff();
  const t = await getTranslations("staff");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p>{t("welcome", { name: viewer.displayName, role: t(`role.${viewer.role}`) })}</p>
      <ul className="space-y-1">
        <li>
          <Link href="/staff/talk" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {(await getTranslations("staffTalk"))("title")}
          </Link>
        </li>
        <li>
          <Link href="/staff/payments" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {t("nav.payments")}
          </Link>
        </li>
        <li>
          <Link href="/staff/plans" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {t("nav.plans")}
          </Link>
        </li>
        <li>
          <Link href="/staff/disputes" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {(await getTranslations("staffDisputes"))("title")}
          </Link>
        </li>
        <li>
          <Link href="/staff/payments/import" className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
            {t("nav.import")}
          </Link>
        </li>
      </ul>
    </div>
  );
}
