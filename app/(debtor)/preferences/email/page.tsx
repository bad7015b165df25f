import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ContactAddressForm } from "../address-form";

type Props = { searchParams: Promise<{ error?: string }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { error } = await searchParams;
  return { title: `${error ? (await getTranslations("common"))("errorPrefix") : ""}${(await getTranslations("preferences"))("emailPage.title")}` };
}

export default async function EmailPage({ searchParams }: Props) {
  return <ContactAddressForm channel="email" refused={!!(await searchParams).error} />;
}
