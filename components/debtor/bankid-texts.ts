import { getMessages, getTranslations } from "next-intl/server";

export interface BankIdSignInTexts {
  thisDevice: string;
  otherDevice: string;
  qrHelp: string;
  qrLabel: string;
  openApp: string;
  waiting: string;
  cancel: string;
  retry: string;
  signingIn: string;
  rateLimited: string;
  failed: string;
  refused: string;
  rfa: Record<string, string>;
}

/** The texts the BankID sign-in needs, read on the server so the page ships no catalogue. */
export async function bankIdTexts(): Promise<BankIdSignInTexts> {
  const t = await getTranslations("login");
  const messages = (await getMessages()) as { bankid: Record<string, string> };
  return {
    thisDevice: t("thisDevice"),
    otherDevice: t("otherDevice"),
    qrHelp: t("qrHelp"),
    qrLabel: t("qrLabel"),
    openApp: t("openApp"),
    waiting: t("waiting"),
    cancel: t("cancel"),
    retry: t("retry"),
    signingIn: t("signingIn"),
    rateLimited: t("rateLimited"),
    failed: t("failed"),
    refused: t("refusedStaff"),
    rfa: messages.bankid,
  };
}
