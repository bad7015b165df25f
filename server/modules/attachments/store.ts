import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { attachmentContents } from "../../db/schema";

/**
 * Where attachment bytes are kept. The portal keeps them in PostgreSQL (bytea), in the same
 * transaction as the message or dispute they belong to; another store (a file system, an object
 * store) only has to keep this promise.
 */
export interface AttachmentStore {
  put(db: Queryable, attachmentId: string, bytes: Uint8Array): Promise<void>;
  get(db: Queryable, attachmentId: string): Promise<Uint8Array | null>;
}

export const postgresAttachmentStore: AttachmentStore = {
  async put(db, attachmentId, bytes) {
    await db.insert(attachmentContents).values({ attachmentId, data: bytes });
  },
  async get(db, attachmentId) {
    const [row] = await db.select({ data: attachmentContents.data }).from(attachmentContents).where(eq(attachmentContents.attachmentId, attachmentId));
    return row ? new Uint8Array(row.data) : null;
  },
};
