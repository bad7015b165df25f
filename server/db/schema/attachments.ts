import { customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { debtors } from "./debtors";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | Buffer }>({
  dataType: () => "bytea",
  toDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value)),
});

/**
 * A file a person sent us (or we sent them), attached to something by kind and id: a message, a
 * dispute, a complaint. `debtorId` is whose it is, so every read is checked against it whatever
 * the owner. The bytes live apart (`attachment_contents`), read only through the storage module.
 */
export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** message | dispute | complaint … (the owner's table decides what the id points at). */
    ownerKind: text("owner_kind").notNull(),
    ownerId: uuid("owner_id").notNull(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    /** The name as given, cleaned of paths and control characters; shown, never trusted. */
    fileName: text("file_name").notNull(),
    /** Found from the content: application/pdf, image/jpeg or image/png. */
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attachments_owner_idx").on(t.ownerKind, t.ownerId), index("attachments_debtor_idx").on(t.debtorId)],
);

/** The bytes of an attachment (PostgreSQL storage). */
export const attachmentContents = pgTable("attachment_contents", {
  attachmentId: uuid("attachment_id")
    .primaryKey()
    .references(() => attachments.id, { onDelete: "cascade" }),
  data: bytea("data").notNull(),
});
