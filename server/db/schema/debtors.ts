import { sql } from "drizzle-orm";
import { date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { channelEnum, languageEnum } from "./enums";

export const debtors = pgTable(
  "debtors",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Keyed hash (HMAC-SHA256) of the 12-digit personal number: the only way to look a person up. */
    personalNumberHash: text("personal_number_hash").notNull().unique(),
    /** AES-256-GCM ciphertext of the personal number, for letters and staff who may see it. */
    personalNumberEncrypted: text("personal_number_encrypted").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    givenName: text("given_name").notNull(),
    surname: text("surname").notNull(),
    email: text("email"),
    phone: text("phone"),
    street: text("street"),
    postcode: text("postcode"),
    city: text("city"),
    preferredChannel: channelEnum("preferred_channel").notNull().default("kivra"),
    language: languageEnum("language").notNull().default("sv"),
    /** The channels in the person's order of choice; the first is `preferredChannel`. Null: the default order. */
    channelOrder: text("channel_order").array(),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    phoneVerifiedAt: timestamp("phone_verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("debtors_surname_idx").on(t.surname),
    // Staff search: a name's start, an e-mail address, a phone number (each matched from the left).
    index("debtors_surname_lower_idx").using("btree", sql`lower(${t.surname}) text_pattern_ops`),
    index("debtors_given_name_lower_idx").using("btree", sql`lower(${t.givenName}) text_pattern_ops`),
    index("debtors_email_lower_idx").using("btree", sql`lower(${t.email})`),
    index("debtors_phone_idx").on(t.phone),
  ],
);
