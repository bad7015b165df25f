import { createHash } from "node:crypto";
import { PDFDocument } from "pdf-lib";

/** What a person may attach, and how much: the limits shown on every upload form. */
export const ATTACHMENT_LIMITS = {
  maxFiles: 5,
  maxBytes: 10 * 1024 * 1024,
  types: ["application/pdf", "image/jpeg", "image/png"] as const,
} as const;

export type AttachmentContentType = (typeof ATTACHMENT_LIMITS.types)[number];

/** A file as it came in: the name the browser gave and its bytes (the browser's type is ignored). */
export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

const checked: unique symbol = Symbol("checked attachment");

/** A file that passed `validateUpload`: only these can be stored. */
export interface CheckedFile {
  readonly [checked]: true;
  fileName: string;
  contentType: AttachmentContentType;
  bytes: Uint8Array;
  sizeBytes: number;
  sha256: string;
}

/** Why an upload was refused; each has its own sentence (`attachments.errors.<code>`). */
export type UploadRefusal =
  | "too_many_files"
  | "file_empty"
  | "file_too_large"
  | "type_not_allowed"
  | "pdf_unreadable"
  | "name_does_not_match";

export type UploadCheck = { ok: true; files: CheckedFile[] } | { ok: false; code: UploadRefusal; fileName?: string };

const EXTENSIONS: Record<AttachmentContentType, string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** The type a file's own bytes say it is, or null. Names and browser types are never asked. */
export function sniffContentType(bytes: Uint8Array): AttachmentContentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  return null;
}

/** A name safe to show and to offer on download: no path, no control characters, not too long. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|*?:]/g, "").trim();
  if (!cleaned || cleaned === "." || cleaned === "..") return "";
  if (cleaned.length <= 120) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 6 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, 120 - ext.length) + ext;
}

function extensionOf(name: string): string | null {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : null;
}

async function pdfParses(bytes: Uint8Array): Promise<boolean> {
  try {
    const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    return doc.getPageCount() > 0;
  } catch {
    return false;
  }
}

/**
 * Checks an upload as a whole before anything is stored: at most five files, none empty, none over
 * 10 MB, each a PDF that parses, a JPEG or a PNG by its content, with a name that does not claim
 * another type. The first problem found is returned, naming the file, so the form can say which.
 */
export async function validateUpload(files: IncomingFile[]): Promise<UploadCheck> {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) return { ok: false, code: "too_many_files" };
  const out: CheckedFile[] = [];
  for (const file of files) {
    const shown = cleanFileName(file.name) || "bilaga";
    if (file.bytes.byteLength === 0) return { ok: false, code: "file_empty", fileName: shown };
    if (file.bytes.byteLength > ATTACHMENT_LIMITS.maxBytes) return { ok: false, code: "file_too_large", fileName: shown };
    const type = sniffContentType(file.bytes);
    if (!type) return { ok: false, code: "type_not_allowed", fileName: shown };
    if (type === "application/pdf" && !(await pdfParses(file.bytes))) return { ok: false, code: "pdf_unreadable", fileName: shown };
    const ext = extensionOf(shown);
    const allowed = EXTENSIONS[type];
    if (ext && !allowed.includes(ext)) return { ok: false, code: "name_does_not_match", fileName: shown };
    out.push({
      [checked]: true,
      fileName: ext ? shown : `${shown}.${allowed[0]}`,
      contentType: type,
      bytes: file.bytes,
      sizeBytes: file.bytes.byteLength,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
    });
  }
  return { ok: true, files: out };
}
