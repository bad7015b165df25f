import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { env } from "@/server/env";
import { swishSimulator } from "@/server/integrations/swish/simulator";
import { answerSwishAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sim.swish"))("title") };
}

type Props = { searchParams: Promise<{ token?: string; callbackurl?: string; done?: string }> };

/**
 * The simulated Swish app: what the payer's phone shows for a payment request (opened by its
 * token, as the real app is), with pay and decline. Without a token it lists open requests.
 */
export default async function SimulatedSwishApp({ searchParams }: Props) {
  const { token, callbackurl, done } = await searchParams;
  const t = await getTranslations("sim.swish");
  const locale = (await getLocale()) as Locale;
  const sim = swishSimulator();
  const open = [...sim.store.payments.values()].filter((p) => p.wire.status === "CREATED").sort((a, b) => b.createdAt - a.createdAt);
  const found = token ? open.filter((p) => p.token === token) : open;
  const button = "inline-flex min-h-12 w-full items-center justify-center rounded-lg px-6 py-3 text-lg font-semibold";

  return (
    <div className="mx-auto max-w-sm space-y-6">
      <p className="rounded-md bg-brand-50 px-3 py-2 text-sm font-semibold">{t("badge")}</p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {done && (
        <p role="status" className="rounded-lg border-2 border-brand-700 p-3 font-semibold">
          {done === "pay" ? t("paid") : t("declined")}
        </p>
      )}
      {found.length === 0 ? (
        <p className="text-lg">{t("none")}</p>
      ) : (
        <ul className="space-y-4">
          {found.map((p) => (
            <li key={p.wire.id} className="space-y-4 rounded-2xl border-2 border-line p-5">
              <dl className="space-y-2">
                <div>
                  <dt className="text-sm text-muted">{t("to")}</dt>
                  <dd className="text-lg font-semibold">
                    {t("merchant")} ({p.wire.payeeAlias})
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-muted">{t("amount")}</dt>
                  <dd className="tabular text-3xl font-bold">{money(p.amountOre, locale)}</dd>
                </div>
                {p.wire.message && (
                  <div>
                    <dt className="text-sm text-muted">{t("message")}</dt>
                    <dd>{p.wire.message}</dd>
                  </div>
                )}
              </dl>
              <form action={answerSwishAction} className="space-y-3">
                <input type="hidden" name="id" value={p.wire.id} />
                {callbackurl && <input type="hidden" name="callbackurl" value={callbackurl} />}
                <button type="submit" name="answer" value="pay" className={`${button} bg-brand-700 text-on-brand`}>
                  {t("pay", { amount: money(p.amountOre, locale) })}
                </button>
                <button type="submit" name="answer" value="decline" className={`${button} border-2 border-brand-700 text-brand-700`}>
                  {t("decline")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <p className="text-sm text-muted">{t("note", { base: env().PUBLIC_BASE_URL })}</p>
    </div>
  );
}
