import { getTranslations } from "next-intl/server";
import { FieldError } from "@/components/form/error-summary";
import { fieldClass, primaryButton } from "./talk-parts";

/**
 * The one form for writing to us, new or in a thread: text and files, posted whole to
 * /contact/send (multipart, no script needed). After a refusal it shows the text again.
 */
export async function MessageForm({ subject, returnTo, body, error, fileError }: {
  subject: string;
  returnTo: string;
  body: string;
  error: string | null;
  fileError: string | null;
}) {
  const t = await getTranslations("talk");
  const a = await getTranslations("attachments");
  const common = await getTranslations("common");
  const textError = error === "message_empty" || error === "message_too_long";
  return (
    <form action="/contact/send" method="post" encType="multipart/form-data" className="space-y-5" noValidate>
      <input type="hidden" name="subject" value={subject} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div>
        <label htmlFor="body" className="block text-lg font-semibold">
          {t("write.bodyLabel")}
        </label>
        <p id="body-hint" className="text-muted">
          {t("write.bodyHint")}
        </p>
        <FieldError id="body-error" prefix={common("errorPrefix")} text={textError ? t(`errors.${error as "message_empty"}`) : null} />
        <textarea
          id="body"
          name="body"
          rows={8}
          defaultValue={body}
          aria-invalid={textError || undefined}
          aria-describedby={`body-hint${textError ? " body-error" : ""}`}
          className={fieldClass(textError)}
        />
      </div>
      <div>
        <label htmlFor="files" className="block text-lg font-semibold">
          {a("label")}
        </label>
        <p id="files-hint" className="text-muted">
          {a("hint")}
        </p>
        <FieldError id="files-error" prefix={common("errorPrefix")} text={fileError} />
        <input
          id="files"
          name="files"
          type="file"
          multiple
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          aria-invalid={!!fileError || undefined}
          aria-describedby={`files-hint${fileError ? " files-error" : ""}`}
          className="mt-2 block w-full text-lg file:mr-3 file:min-h-11 file:rounded-md file:border-2 file:border-brand-700 file:bg-transparent file:px-4 file:font-semibold file:text-brand-700"
        />
      </div>
      <button type="submit" className={primaryButton}>
        {t("write.send")}
      </button>
    </form>
  );
}
