import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import superjson from "superjson";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "../db/client";
import { staffUsers } from "../db/schema";
import { seedDemoIfEmpty } from "../db/seed/demo";
import { rolesWith, STAFF_ROLES, type StaffRole } from "../domain/permissions";
import { testContext } from "../testing/context";
import { createTestDb } from "../testing/db";
import { demoIds } from "../testing/payments";
import { zodArbitrary } from "../testing/zod-arbitrary";
import { DEBTOR_ACCESS, STAFF_ACCESS } from "./access-matrix";
import { appRouter } from "./root";
import type { Viewer } from "./trpc";

/**
 * Every procedure, called over the tRPC HTTP handler with inputs generated from its own zod schema
 * plus hostile strings, boundary numbers and values of the wrong type, by a viewer who may call it
 * (so the calls reach the code behind the door). No answer may be a 500, none may carry a stack
 * trace or a file path, and every refusal must name an error the pages can show in Swedish and in
 * English: a known domain code, or one of the generic ones.
 */
const TODAY = "2026-12-02";
const NOW = new Date(`${TODAY}T10:00:00Z`);
const RUNS = Number(process.env.KVITT_FUZZ_RUNS ?? 25);
let handle: DbHandle;
let ids: string[];
const viewers = {} as Record<"debtor" | StaffRole, Viewer>;

/** Every key under any `errors` object of a catalogue. */
function errorKeys(locale: string): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "errors" && value && typeof value === "object") for (const k of Object.keys(value)) keys.add(k);
      walk(value);
    }
  };
  walk(JSON.parse(readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")));
  return keys;
}
const shown = { sv: errorKeys("sv"), en: errorKeys("en") };
/** tRPC codes a page turns into its generic sentence (`unknown`, `invalid`, `not_found`…) or a redirect. */
const GENERIC = new Set(["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "CONFLICT", "TOO_MANY_REQUESTS", "PAYLOAD_TOO_LARGE", "METHOD_NOT_SUPPORTED", "UNPROCESSABLE_CONTENT"]);

beforeAll(async () => {
  handle = await createTestDb();
  await seedDemoIfEmpty(handle.db, TODAY, { workday: true });
  const people = await demoIds(handle.db);
  ids = [...people.erik!.caseIds, people.erik!.debtorId, ...people.sara!.caseIds, people.sara!.debtorId];
  viewers.debtor = { sessionId: "fuzz", kind: "debtor", subjectId: people.erik!.debtorId, displayName: "Erik" };
  for (const role of STAFF_ROLES) {
    const [row] = await handle.db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.role, role)).limit(1);
    viewers[role] = { sessionId: "fuzz", kind: "staff", subjectId: row!.id, role, displayName: role };
  }
});
afterAll(() => handle.close());

type Procedure = { _def: { type: "query" | "mutation"; inputs: z.ZodType[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

function viewerFor(procedurePath: string): Viewer | null {
  const staff = STAFF_ACCESS[procedurePath];
  if (staff) return viewers[rolesWith(staff.need)[0]!];
  return DEBTOR_ACCESS[procedurePath]?.who === "public" ? null : viewers.debtor;
}

/** As the app's client sends it; a body superjson refuses to write (an own `__proto__`) goes as raw JSON, as an attacker would send it. */
function serialize(input: unknown): string {
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    return JSON.stringify({ json: input });
  }
}

async function overHttp(procedurePath: string, input: unknown, viewer: Viewer | null): Promise<{ status: number; text: string }> {
  const { type } = procedures[procedurePath]!._def;
  const serialized = input === undefined ? undefined : serialize(input);
  const url = `http://localhost/api/trpc/${procedurePath}${type === "query" && serialized ? `?input=${encodeURIComponent(serialized)}` : ""}`;
  const req = new Request(url, type === "query" ? { method: "GET" } : { method: "POST", headers: { "content-type": "application/json" }, body: serialized ?? "" });
  const response = await fetchRequestHandler({ endpoint: "/api/trpc", req, router: appRouter, createContext: () => testContext(handle.db, viewer, { now: NOW }) });
  return { status: response.status, text: await response.text() };
}

/** Procedures whose page shows one sentence for every refusal (the catalogue key). */
const ONE_SENTENCE: Record<string, string> = { "debtor.cases.postpone": "plan.postponeNotAllowed" };
const catalogue = (locale: string) => JSON.parse(readFileSync(path.join(process.cwd(), "messages", `${locale}.json`), "utf8")) as Record<string, Record<string, unknown>>;
const hasSentence = (key: string) => ["sv", "en"].every((locale) => typeof key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue(locale)) === "string");

/** What is wrong with an answer, or null. */
function problemWith(procedurePath: string, answer: { status: number; text: string }): string | null {
  if (answer.status >= 500) return `status ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (/\bat .+\.(ts|js|mjs):\d+|node_modules|\/work\/|"stack"\s*:\s*"/.test(answer.text)) return `a stack trace or path: ${answer.text.slice(0, 300)}`;
  if (answer.status < 300) return null;
  const body = JSON.parse(answer.text) as { error?: { json?: { data?: { code?: string; domainCode?: string } } } };
  const data = body.error?.json?.data;
  if (!data?.code) return `an error without a code: ${answer.text.slice(0, 200)}`;
  if (ONE_SENTENCE[procedurePath]) return hasSentence(ONE_SENTENCE[procedurePath]) ? null : `no sentence ${ONE_SENTENCE[procedurePath]}`;
  if (data.domainCode) {
    const known =
      (shown.sv.has(data.domainCode) && shown.en.has(data.domainCode)) ||
      // Shown as the not-found page, in the person's language.
      (data.code === "NOT_FOUND" && data.domainCode.endsWith("_not_found")) ||
      // "Try again in a while", with the wait in the person's language.
      (data.code === "TOO_MANY_REQUESTS" && data.domainCode.startsWith("rate_limited")) ||
      // The staff import form frames the file's line and fault in the staff member's language.
      (data.code === "BAD_REQUEST" && data.domainCode.startsWith("bgmax_"));
    return known ? null : `domain code ${data.domainCode} has no sentence in messages/sv.json and en.json`;
  }
  return GENERIC.has(data.code) ? null : `code ${data.code} has no sentence`;
}

describe("fuzzing every procedure", () => {
  it("never answers 500, never shows a stack trace, and every refusal can be shown in both languages", async () => {
    const problems = new Map<string, string>();
    let calls = 0;
    const paths = Object.keys(procedures).filter((p) => p !== "auth.bankid.start").sort();
    for (const procedurePath of paths) {
      const arbitrary = zodArbitrary(procedures[procedurePath]!._def.inputs[0], { ids });
      const viewer = viewerFor(procedurePath);
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          calls += 1;
          const problem = problemWith(procedurePath, await overHttp(procedurePath, input, viewer));
          if (problem && !problems.has(procedurePath)) problems.set(procedurePath, `${problem} (input ${JSON.stringify(input)?.slice(0, 200)})`);
          return problem === null;
        }),
        { numRuns: RUNS, seed: Number(process.env.KVITT_FUZZ_SEED ?? 20261202), endOnFailure: true },
      ).catch((error: unknown) => {
        if (!problems.has(procedurePath)) problems.set(procedurePath, String(error).slice(0, 500));
      });
    }
    console.info(`fuzz: ${paths.length} procedures, ${RUNS} runs each, ${calls} calls, ${problems.size} problems`);
    expect(Object.fromEntries(problems)).toEqual({});
  });
});
