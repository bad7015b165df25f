import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginPanel } from "@/components/debtor/login-panel";
import { getViewer } from "@/server/auth/viewer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("staffTitle") };
}

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; bankid?: string }> }) {
  const viewer = await getViewer();
  if (viewer?.kind === "staff") redirect("/staff");
  const { reason, bankid } = await searchParams;
  return <LoginPanel purpose="staff" reason={reason} result={bankid} />;
}
