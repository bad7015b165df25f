import { NextResponse } from "next/server";
import { planLiveLine } from "@/components/debtor/plan-live";
import { getViewer } from "@/server/auth/viewer";
import type { WizardParams } from "../../wizard";

/** The live line of the amount question, for public/preview.js: `{ "line": "Det blir 7 månader." }`. */
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (viewer?.kind !== "debtor" || !viewer.subjectId) return NextResponse.json({ line: "" }, { status: 401 });
  const params = Object.fromEntries(new URL(request.url).searchParams) as WizardParams;
  return NextResponse.json({ line: await planLiveLine(params) }, { headers: { "Cache-Control": "private, no-store" } });
}
