import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/server/auth/viewer";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const t = await getTranslations("common");
  const viewer = await getViewer();
  return (
    <header className="border-b border-line bg-paper">
      <div className="max-w-2xl mx-auto px-4 h-16 flex items-center justify-between gap-4">
        <Link href={viewer?.kind === "staff" ? "/staff" : viewer ? "/cases" : "/"} className="text-2xl font-bold tracking-tight text-brand-700 min-h-11 flex items-center">
          {t("appName")}
        </Link>
        <div className="flex items-center gap-2">
          {viewer && <SignOutButton area={viewer.kind} />}
          <LanguageSwitch />
        </div>
      </div>
    </header>
  );
}
