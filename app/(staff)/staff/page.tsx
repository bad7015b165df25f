import type { Metadata } from "next";
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
    </div>
  );
}
