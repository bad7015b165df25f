import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button-link";

export default async function StartPage() {
  const t = await getTranslations("start");
  const actions = [t("what1"), t("what2"), t("what3"), t("what4"), t("what5")];
  return (
    <div className="space-y-8">
      <section className="space-y-4">
        <h1 className="text-3xl sm:text-4xl font-bold leading-tight">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
        <ButtonLink href="/login">{t("login")}</ButtonLink>
        <p className="text-muted text-base">{t("loginNote")}</p>
      </section>
      <section className="space-y-3" aria-labelledby="what">
        <h2 id="what" className="text-xl font-semibold">
          {t("whatTitle")}
        </h2>
        <ul className="list-disc pl-6 space-y-1">
          {actions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </section>
      <section className="rounded-lg bg-brand-50 p-4 space-y-2" aria-labelledby="fraud">
        <h2 id="fraud" className="text-lg font-semibold">
          {t("fraudTitle")}
        </h2>
        <p>{t("fraud")}</p>
      </section>
      <section className="space-y-2" aria-labelledby="help">
        <h2 id="help" className="text-lg font-semibold">
          {t("helpTitle")}
        </h2>
        <p>{t("help")}</p>
      </section>
    </div>
  );
}
