import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { linkClass, momentDate } from "./talk-parts";

/** On a case page: ways to reach a person about the case, and what has been said so far. */
export async function CaseTalk({ caseId }: { caseId: string }) {
  const t = await getTranslations("talk");
  const locale = (await getLocale()) as Locale;
  const history = await (await api()).debtor.talk.caseHistory({ caseId });
  return (
    <div className="space-y-3">
      <ul className="space-y-1">
        <li>
          <Link href={`/contact/write?case=${caseId}`} className={linkClass}>
            {t("case.write")}
          </Link>
        </li>
        <li>
          <Link href={`/contact/callback?case=${caseId}`} className={linkClass}>
            {t("case.callback")}
          </Link>
        </li>
      </ul>
      {history.length > 0 && (
        <>
          <h3 className="text-lg font-semibold">{t("case.historyTitle")}</h3>
          <ul className="space-y-1">
            {history.map((h, i) => (
              <li key={i}>
                <Link href={h.link} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                  {t(`case.history.${h.kind}`, { date: momentDate(h.at, locale) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
