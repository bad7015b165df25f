import { cookies } from "next/headers";
import type { RequestState } from "@/components/debtor/plan-request-form";

/** A refused plan request's answers, kept for the page that shows them again, in parts that fit a cookie. */
const COOKIE = "kvitt-plan-request";
const PART = 3000;
const PARTS = 3;
const options = { httpOnly: true, sameSite: "lax" as const, path: "/plans/new/request", maxAge: 600, secure: process.env.NODE_ENV === "production" && !process.env.KVITT_DEMO };

export async function keepRequestDraft(state: RequestState): Promise<void> {
  const jar = await cookies();
  const encoded = Buffer.from(JSON.stringify(state)).toString("base64url");
  for (let n = 0; n < PARTS; n++) {
    const part = encoded.slice(n * PART, (n + 1) * PART);
    if (part) jar.set(`${COOKIE}-${n}`, part, options);
    else jar.delete({ name: `${COOKIE}-${n}`, path: options.path });
  }
}

/** The kept answers, read once: a server component cannot remove the cookie, so it simply expires or is replaced. */
export async function readRequestDraft(): Promise<RequestState | null> {
  const jar = await cookies();
  const encoded = Array.from({ length: PARTS }, (_, n) => jar.get(`${COOKIE}-${n}`)?.value ?? "").join("");
  if (!encoded) return null;
  try {
    const state = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as RequestState;
    if (typeof state.values?.reason !== "string" || typeof state.errors !== "object") return null;
    return { errors: state.errors, values: { reason: state.values.reason, income: String(state.values.income ?? ""), costs: String(state.values.costs ?? "") } };
  } catch {
    return null;
  }
}
