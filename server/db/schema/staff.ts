import { boolean, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staffRoleEnum } from "./enums";

export const staffUsers = pgTable("staff_users", {
  id: uuid("id").primaryKey().defaultRandom(),
  personalNumberHash: text("personal_number_hash").notNull().unique(),
  name: text("name").notNull(),
  role: staffRoleEnum("role").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
