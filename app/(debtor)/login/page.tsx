import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginPanel } from "@/components/debtor/login-panel";
import { getViewer } from "@/server/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; bankid?: string }> }) {
  const viewer = await getViewer();
  if (viewer?.kind === "debtor") redirect("/cases");
  const { reason, bankid } = await searchParams;
  return <LoginPanel purpose="debtor" reason={reason} result={bankid} />;
}
