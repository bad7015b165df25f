import { getTranslations } from "next-intl/server";

/** A plain form, so switching language works without JavaScript; the server sets a cookie. */
export async function LanguageSwitch() {
  const t = await getTranslations("common");
  const target = t("switchToLang");
  return (
    <form method="post" action="/api/lang">
      <input type="hidden" name="lang" value={target} />
      <button
        type="submit"
        lang={target}
        className="min-h-11 px-3 rounded-md text-brand-700 underline underline-offset-4 hover:bg-brand-50"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
