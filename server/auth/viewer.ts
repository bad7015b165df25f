import { cache } from "react";
import { eq } from "drizzle-orm";
import type { Viewer } from "../api/trpc";
import { getDb } from "../db";
import { staffUsers } from "../db/schema";
import { env } from "../env";
import { resolveSession } from "../modules/sessions/sessions";
import { auth } from "./index";

/** Who is asking, once per request: the live database session behind the cookie, or null. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  const db = await getDb();
  const active = await resolveSession(db, session.sid, new Date(), env().SESSION_IDLE_MINUTES);
  if (!active) return null;
  if (active.kind === "staff") {
    if (!active.subjectId) return null;
    const [staff] = await db.select({ role: staffUsers.role, active: staffUsers.active }).from(staffUsers).where(eq(staffUsers.id, active.subjectId));
    if (!staff?.active) return null;
    return { sessionId: active.id, kind: "staff", subjectId: active.subjectId, role: staff.role, displayName: active.displayName };
  }
  return { sessionId: active.id, kind: "debtor", subjectId: active.subjectId, displayName: active.displayName };
});
