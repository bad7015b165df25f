import "server-only";
import { redirect } from "next/navigation";
import type { Viewer } from "../api/trpc";
import { auth } from "./index";
import { getViewer } from "./viewer";

/** Pages check the session themselves: a signed-in person, or off to sign-in (saying why). */
export async function requirePerson(): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer?.kind === "debtor") return viewer;
  const hadSession = Boolean((await auth())?.sid);
  redirect(hadSession ? "/login?reason=expired" : "/login");
}

export async function requireStaff(): Promise<Viewer & { role: "agent" | "supervisor" | "admin"; subjectId: string }> {
  const viewer = await getViewer();
  if (viewer?.kind === "staff" && viewer.role && viewer.subjectId) return { ...viewer, role: viewer.role, subjectId: viewer.subjectId };
  const hadSession = Boolean((await auth())?.sid);
  redirect(hadSession && !viewer ? "/staff/login?reason=expired" : "/staff/login");
}
