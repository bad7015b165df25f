import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("help"))("title") };
}

const QUESTIONS = ["real", "arrived", "fee", "interest", "cantPay", "wrong", "kronofogden"] as const;

export default async function HelpPage() {
  const t = await getTranslations("help");
  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg">{t("lead")}</p>
      </div>
      <div className="divide-y divide-line border-y border-line">
        {QUESTIONS.map((q) => (
          <details key={q} className="group py-2">
            <summary className="min-h-11 flex items-center cursor-pointer text-lg font-semibold text-brand-700 underline-offset-4 hover:underline">
              {t(`q.${q}.q`)}
            </summary>
            <p className="pb-3 pt-1">{t(`q.${q}.a`)}</p>
          </details>
        ))}
      </div>
      <section className="rounded-lg bg-brand-50 p-4 space-y-2" aria-labelledby="genuine">
        <h2 id="genuine" className="text-xl font-semibold">
          {t("genuineTitle")}
        </h2>
        <ul className="list-disc pl-6 space-y-1">
          {(["genuine1", "genuine2", "genuine3", "genuine4", "genuine5"] as const).map((k) => (
            <li key={k}>{t(k)}</li>
          ))}
        </ul>
      </section>
      <section className="space-y-3" aria-labelledby="more">
        <h2 id="more" className="text-xl font-semibold">
          {t("moreTitle")}
        </h2>
        <p>
          {t("counselling")}{" "}
          <a className="text-brand-700 underline underline-offset-4" href="https://www.konsumentverket.se/budget-och-skuldradgivning/">
            {t("counsellingLink")}
          </a>
        </p>
        <p>
          {t("kfm")}{" "}
          <a className="text-brand-700 underline underline-offset-4" href="https://kronofogden.se/">
            {t("kfmLink")}
          </a>
        </p>
      </section>
      <section className="space-y-2" aria-labelledby="contact">
        <h2 id="contact" className="text-xl font-semibold">
          {t("contactTitle")}
        </h2>
        <p>{t("contact")}</p>
        <p>
          <Link href="/contact" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4">
            {(await getTranslations("talk"))("hub.title")}
          </Link>
        </p>
      </section>
    </div>
  );
}
