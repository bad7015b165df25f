import { getLocale, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { momentDateTime } from "@/components/debtor/talk-parts";
import { longDate, money } from "@/components/ui/format";
import type { Locale } from "@/i18n/config";
import { api } from "@/server/api/server-caller";
import { getViewer } from "@/server/auth/viewer";
import type { PersonDataPdfTexts } from "@/server/modules/talk/person-data-pdf";

/** The released data-access answer of the signed-in person, or null (not theirs, not released). */
export async function loadDataExport(params: Promise<{ requestId: string }>) {
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return null;
  const { requestId } = await params;
  if (!z.string().uuid().safeParse(requestId).success) return null;
  try {
    return await (await api()).debtor.requests.dataExport({ requestId });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The PDF's words in the person's language. */
export async function pdfTexts(): Promise<PersonDataPdfTexts> {
  const t = await getTranslations("talk.pdf");
  const locale = (await getLocale()) as Locale;
  return {
    title: t("title"),
    intro: t("intro"),
    label: (key) => t(`label.${key}` as "label.name"),
    money: (ore) => money(ore, locale),
    date: (iso) => longDate(iso.slice(0, 10), locale),
    dateTime: (iso) => momentDateTime(new Date(iso), locale),
  };
}

export const notFound = () => new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
