import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { primaryButton, TalkFrame } from "@/components/debtor/talk-parts";
import { requirePerson } from "@/server/auth/require";
import { dataAccessAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("talk"))("myData.title") };
}

/** "What data do you have on me?" (registerutdrag): what it holds, how long it takes, one button. */
export default async function MyDataPage() {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const t = await getTranslations("talk");
  return (
    <TalkFrame back="/contact" backLabel={t("back")} heading={t("myData.heading")} lead={t("myData.lead")}>
      <section className="space-y-2" aria-labelledby="what">
        <h2 id="what" className="text-xl font-semibold">
          {t("myData.whatTitle")}
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {(["what1", "what2", "what3", "what4", "what5"] as const).map((k) => (
            <li key={k}>{t(`myData.${k}`)}</li>
          ))}
        </ul>
      </section>
      <section className="space-y-2" aria-labelledby="how">
        <h2 id="how" className="text-xl font-semibold">
          {t("myData.howTitle")}
        </h2>
        <p>{t("myData.how")}</p>
      </section>
      <form action={dataAccessAction}>
        <button type="submit" className={primaryButton}>
          {t("myData.submit")}
        </button>
      </form>
    </TalkFrame>
  );
}
