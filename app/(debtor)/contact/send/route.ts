import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { isSameOrigin } from "@/server/api/context";
import { getViewer } from "@/server/auth/viewer";
import { filesFromForm } from "@/server/modules/attachments/form-files";

export const dynamic = "force-dynamic";

/** After a POST, the browser fetches the next page with GET (a relative location, whatever the host). */
const see = (path: string) => new Response(null, { status: 303, headers: { Location: path } });

/**
 * The message form posts here (multipart, so files come along without any script). The text and
 * files go to the same procedure the rest of the portal uses; a refusal sends the person back to
 * the form, which shows why and what they had written.
 */
export async function POST(request: Request) {
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor") return see("/login");
  if (!viewer.subjectId) return see("/no-cases");
  if (!isSameOrigin(request.headers)) return new Response("Forbidden", { status: 403 });
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return new Response("Bad request", { status: 400 });
  }
  const rawSubject = String(form.get("subject") ?? "general");
  const subject = rawSubject === "general" ? ("general" as const) : z.string().uuid().safeParse(rawSubject).success ? { caseId: rawSubject } : null;
  const returnTo = String(form.get("returnTo") ?? "");
  const back = /^\/contact\/[\w/?=&-]*$/.test(returnTo) ? returnTo : "/contact";
  if (!subject) return see("/contact");
  const files = await filesFromForm(form);
  try {
    const result = await (await api()).debtor.talk.send({ subject, body: String(form.get("body") ?? "").slice(0, 20_000), files });
    if (result.ok) return see(`/contact/threads/${result.threadId}?sent=1`);
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return see("/contact");
    throw error;
  }
  return see(`${back}${back.includes("?") ? "&" : "?"}error=1#error-summary`);
}
