import { getTranslations } from "next-intl/server";

const TEXT_CODES = new Set(["message_empty", "message_too_long"]);
const FILE_CODES = new Set(["too_many_files", "file_empty", "file_too_large", "type_not_allowed", "pdf_unreadable", "name_does_not_match"]);

/** The sentences for a refused message: for the error summary, and for the field it is about. */
export async function messageErrors(draft: { errorCode: string | null; errorFile: string | null } | null, shown: boolean) {
  const t = await getTranslations("talk");
  const a = await getTranslations("attachments");
  const code = shown ? (draft?.errorCode ?? null) : null;
  if (!code) return { code: null, summary: [], fileError: null };
  if (TEXT_CODES.has(code)) {
    const text = t(`errors.${code as "message_empty"}`);
    return { code, summary: [{ href: "#body", text }], fileError: null };
  }
  if (FILE_CODES.has(code)) {
    const text = a(`errors.${code as "file_empty"}`, { name: draft?.errorFile ?? "" });
    return { code, summary: [{ href: "#files", text }], fileError: `${text} ${a("chooseAgain")}` };
  }
  return { code, summary: [{ href: "#body", text: t("errors.unknown") }], fileError: null };
}
