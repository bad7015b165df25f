"use server";

import { TRPCError } from "@trpc/server";
import { api } from "@/server/api/server-caller";
import { DomainError } from "@/server/domain/errors";

export type ImportState =
  | { kind: "idle" }
  | { kind: "done"; alreadyImported: boolean; fileTimestamp: string; payments: number; booked: number; unmatched: number }
  | { kind: "error"; message: string };

/** Reads the uploaded BgMax file and imports it; a refused file says which line and why. */
export async function importBgMaxAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { kind: "error", message: "" };
  try {
    const contentBase64 = Buffer.from(await file.arrayBuffer()).toString("base64");
    const s = await (await api()).staff.payments.import({ contentBase64 });
    return { kind: "done", alreadyImported: s.alreadyImported, fileTimestamp: s.fileTimestamp, payments: s.payments, booked: s.booked, unmatched: s.unmatched };
  } catch (error) {
    const cause = error instanceof TRPCError ? error.cause : error;
    return { kind: "error", message: cause instanceof DomainError ? cause.message : "unknown" };
  }
}
