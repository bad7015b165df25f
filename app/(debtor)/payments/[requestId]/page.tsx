import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { z } from "zod";
import { PaymentWatcher } from "@/components/debtor/payment-watcher";
import { ButtonLink } from "@/components/ui/button-link";
import { money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api, orNotFound } from "@/server/api/server-caller";
import { requirePerson } from "@/server/auth/require";
import { publicBaseUrl } from "@/server/api/context";
import { isDemo } from "@/server/env";
import { mcommerceAppUrl } from "@/server/integrations/swish/client";

type Props = { params: Promise<{ requestId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pay");
  return { title: t("statusTitle") };
}

/** Where the payer's app opens: Swish itself, or in demo mode the simulated Swish app. */
function swishAppUrl(token: string, returnUrl: string): string {
  if (isDemo()) return `/sim/swish?token=${encodeURIComponent(token)}&callbackurl=${encodeURIComponent(returnUrl)}`;
  return mcommerceAppUrl(token, returnUrl);
}

/** A payment the debtor started: waiting for Swish or the card page, then the receipt. */
export default async function PaymentPage({ params }: Props) {
  const viewer = await requirePerson();
  if (!viewer.subjectId) redirect("/no-cases");
  const { requestId } = await params;
  if (!z.string().uuid().safeParse(requestId).success) notFound();
  const caller = await api();
  const request = await orNotFound(caller.debtor.payments.get({ requestId }));
  const t = await getTranslations("pay");
  const locale = (await getLocale()) as Locale;
  const amount = money(request.amountOre, locale);
  const singleCase = request.targets.length === 1 ? request.targets[0]!.caseId : null;
  const retry = singleCase ? `/pay?case=${singleCase}` : "/pay";

  if (request.status === "created" && request.method === "swish" && request.swishToken) {
    const h = await headers();
    const phone = /Mobi|Android|iPhone/i.test(h.get("user-agent") ?? "");
    const appUrl = swishAppUrl(request.swishToken, `${publicBaseUrl(h)}/payments/${request.id}`);
    // Swish's app reads an M-commerce token from a QR code as "D" followed by the token.
    const qr = await QRCode.toString(`D${request.swishToken}`, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    const qrBlock = (
      <div className="space-y-2">
        <p>{t("qrHelp")}</p>
        <div role="img" aria-label={t("qrLabel")} className="w-56 rounded-lg bg-white p-2" dangerouslySetInnerHTML={{ __html: qr }} />
      </div>
    );
    return (
      <article className="space-y-6">
        <h1 className="text-3xl font-bold leading-tight">{t("swishHeading", { amount })}</h1>
        <p className="text-lg">{t("swishLead")}</p>
        <PaymentWatcher requestId={request.id} waiting={t("waitingSwish")} />
        {phone ? (
          <>
            <ButtonLink href={appUrl}>{t("openSwish")}</ButtonLink>
            <details className="rounded-lg border border-line p-3">
              <summary className="min-h-11 cursor-pointer py-2 font-semibold text-brand-700">{t("otherDevice")}</summary>
              {qrBlock}
            </details>
          </>
        ) : (
          <>
            {qrBlock}
            <ButtonLink href={appUrl} variant="secondary">
              {t("openSwish")}
            </ButtonLink>
          </>
        )}
      </article>
    );
  }

  if (request.status === "created" && request.method === "card") {
    return (
      <article className="space-y-6">
        <h1 className="text-3xl font-bold leading-tight">{t("cardHeading", { amount })}</h1>
        <p className="text-lg">{t("cardLead")}</p>
        <PaymentWatcher requestId={request.id} waiting={t("waitingCard")} />
        {request.payUrl && <ButtonLink href={request.payUrl}>{t("continueCard")}</ButtonLink>}
      </article>
    );
  }

  if (request.status === "paid") {
    const cases = await Promise.all(request.targets.map((target) => caller.debtor.cases.get({ caseId: target.caseId })));
    return (
      <article className="space-y-6">
        <header className="space-y-2">
          <h1 className="text-3xl font-bold leading-tight">{t("paidHeading", { amount })}</h1>
          <p className="text-lg">{t("paidLead")}</p>
        </header>
        <ul className="space-y-4">
          {request.payments.map((p) => {
            const c = cases.find((x) => x.id === p.caseId);
            if (!c) return null;
            return (
              <li key={p.id} className="space-y-2 rounded-xl border border-line p-4">
                <p className="font-semibold">{t("paidCase", { amount: money(p.amountOre, locale), number: c.caseNumber })}</p>
                <p>{c.state === "paid" ? t("casePaid") : t("leftNow", { amount: money(c.balance.leftOre, locale) })}</p>
                {p.overpaymentOre > 0 && <p>{t("overpaid", { amount: money(p.overpaymentOre, locale) })}</p>}
                <p className="flex flex-col gap-1">
                  <a href={`/receipts/${p.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                    {t("receiptLink", { number: c.caseNumber })}
                  </a>
                  <Link href={`/cases/${c.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
                    {t("toCase", { number: c.caseNumber })}
                  </Link>
                </p>
              </li>
            );
          })}
        </ul>
      </article>
    );
  }

  return (
    <article className="space-y-6">
      <h1 className="text-3xl font-bold leading-tight">{t("declinedHeading")}</h1>
      <p className="text-lg">{request.status === "cancelled" ? t("cancelledLead") : t("declinedLead")}</p>
      <ButtonLink href={retry}>{t("tryAgain")}</ButtonLink>
    </article>
  );
}
