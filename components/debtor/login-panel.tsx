import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { BankIdFlow } from "./bankid-flow";

/** A phone or tablet by its browser's own words (a touch-first screen is caught by CSS as well). */
export function isPhone(userAgent: string): boolean {
  return /Mobi|Android|iPhone|iPad/i.test(userAgent);
}

const NOTICES = { expired: "expiredSession", "signed-out": "signedOut", link: "linkNotice" } as const;

/** The sign-in page's body, shared by debtors and staff. */
export async function LoginPanel({ purpose, reason, result }: { purpose: "debtor" | "staff"; reason?: string; result?: string }) {
  const t = await getTranslations("login");
  const userAgent = (await headers()).get("user-agent") ?? "";
  const onPhone = isPhone(userAgent);
  const notice = reason && reason in NOTICES ? t(NOTICES[reason as keyof typeof NOTICES]) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{purpose === "staff" ? t("staffTitle") : t("title")}</h1>
      {notice && (
        <p role="status" className="rounded-lg bg-brand-50 p-4">
          {notice}
        </p>
      )}
      <p className="text-lg">{purpose === "staff" ? t("staffLead") : t("lead")}</p>
      <BankIdFlow purpose={purpose} onPhone={onPhone} result={result} />
      <section className="rounded-lg border border-line p-4 space-y-1" aria-labelledby="fraud-title">
        <h2 id="fraud-title" className="font-semibold text-lg">
          {t("fraudTitle")}
        </h2>
        <p>{t("fraud")}</p>
      </section>
    </div>
  );
}
