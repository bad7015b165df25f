import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { cardSimulator } from "@/server/integrations/card/simulator";
import { answerCheckoutAction } from "../../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sim.card"))("title") };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ declined?: string }> };

/** The simulated Stripe Checkout page: the amount, a card form (for show) and pay. */
export default async function SimulatedCheckout({ params, searchParams }: Props) {
  const { id } = await params;
  const { declined } = await searchParams;
  const t = await getTranslations("sim.card");
  const locale = (await getLocale()) as Locale;
  const sim = cardSimulator().store.sessions.get(id);
  const session = sim?.session as { status?: string; amount_total?: number; line_items?: unknown; metadata?: Record<string, string> } | undefined;
  const field = "mt-1 block min-h-12 w-full rounded-md border-2 border-ink px-3 text-lg";
  const button = "inline-flex min-h-12 w-full items-center justify-center rounded-lg px-6 py-3 text-lg font-semibold";

  return (
    <div className="mx-auto max-w-sm space-y-6">
      <p className="rounded-md bg-brand-50 px-3 py-2 text-sm font-semibold">{t("badge")}</p>
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      {!session || session.status !== "open" ? (
        <p className="text-lg">{t("notOpen")}</p>
      ) : (
        <>
          <p className="text-lg">
            {t("amount")} <span className="tabular text-2xl font-bold">{money(session.amount_total ?? 0, locale)}</span>
          </p>
          {declined && (
            <p role="alert" className="rounded-lg border-4 border-error p-3 font-semibold">
              {t("declined")}
            </p>
          )}
          <form action={answerCheckoutAction} className="space-y-4">
            <input type="hidden" name="id" value={id} />
            <div>
              <label htmlFor="number" className="block font-medium">
                {t("number")}
              </label>
              <input id="number" name="number" defaultValue="4242 4242 4242 4242" inputMode="numeric" autoComplete="cc-number" className={field} />
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div>
                <label htmlFor="expiry" className="block font-medium">
                  {t("expiry")}
                </label>
                <input id="expiry" name="expiry" defaultValue="12/34" autoComplete="cc-exp" className={field} />
              </div>
              <div>
                <label htmlFor="cvc" className="block font-medium">
                  {t("cvc")}
                </label>
                <input id="cvc" name="cvc" defaultValue="123" inputMode="numeric" autoComplete="cc-csc" className={field} />
              </div>
            </div>
            <button type="submit" name="answer" value="complete" className={`${button} bg-brand-700 text-on-brand`}>
              {t("pay", { amount: money(session.amount_total ?? 0, locale) })}
            </button>
            <button type="submit" name="answer" value="decline" className={`${button} border-2 border-brand-700 text-brand-700`}>
              {t("decline")}
            </button>
            <button type="submit" name="answer" value="cancel" className={`${button} text-brand-700 underline`}>
              {t("back")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
