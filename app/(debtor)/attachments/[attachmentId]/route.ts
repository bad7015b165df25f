import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { api } from "@/server/api/server-caller";
import { getViewer } from "@/server/auth/viewer";
import { attachmentResponse } from "@/server/modules/attachments/attachments";

export const dynamic = "force-dynamic";

/** Downloads one of the signed-in debtor's own files; anyone else's is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const notFound = () => new Response("Not found", { status: 404, headers: { "X-Content-Type-Options": "nosniff" } });
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return notFound();
  const { attachmentId } = await params;
  if (!z.string().uuid().safeParse(attachmentId).success) return notFound();
  try {
    return attachmentResponse(await (await api()).debtor.attachments.download({ attachmentId }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return notFound();
    throw error;
  }
}
