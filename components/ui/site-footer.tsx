import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("common");
  return (
    <footer className="border-t border-line mt-10">
      <div className="max-w-2xl mx-auto px-4 py-6 text-muted text-base">
        <p>{t("footerAbout")}</p>
      </div>
    </footer>
  );
}
