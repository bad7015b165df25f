import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A BankID order started by the portal. Bound to the browser that started it by a hash of a random
 * cookie value, so nobody else can collect it. The personal number is never stored here in clear.
 */
export const bankidOrders = pgTable(
  "bankid_orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderRef: text("order_ref").notNull().unique(),
    /** auth | sign */
    kind: text("kind").notNull(),
    /** debtor | staff | plan:<id> … what the order is for. */
    purpose: text("purpose").notNull(),
    browserBindingHash: text("browser_binding_hash").notNull(),
    qrStartToken: text("qr_start_token").notNull(),
    qrStartSecret: text("qr_start_secret").notNull(),
    autoStartToken: text("auto_start_token").notNull(),
    status: text("status").notNull().default("pending"),
    hintCode: text("hint_code"),
    personalNumberHash: text("personal_number_hash"),
    completion: jsonb("completion").$type<Record<string, unknown>>(),
    collectCount: integer("collect_count").notNull().default(0),
    lastCollectedAt: timestamp("last_collected_at", { withTimezone: true }),
    /** For sign orders: the text shown in the BankID app and signed. */
    userVisibleText: text("user_visible_text"),
    sameDevice: boolean("same_device").notNull().default(false),
    /** Set when the finished order has been used (a session made, a plan signed): never twice. */
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("bankid_orders_binding_idx").on(t.browserBindingHash)],
);

/** Server-side sessions: idle and absolute expiry are enforced here, and sign-out removes the row. */
export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  /** debtor | staff */
  kind: text("kind").notNull(),
  subjectId: uuid("subject_id"),
  personalNumberHash: text("personal_number_hash").notNull(),
  displayName: text("display_name").notNull(),
  /** The deep link the person came in by, when it was theirs (which message led to a payment). */
  deepLinkId: uuid("deep_link_id"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** Fixed-window counters for rate limits (login starts, deep-link opens). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});
