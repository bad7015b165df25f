import type { PaymentDeps } from "../modules/payments/clients";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "../db/client";
import { DomainError } from "../domain/errors";
import { staffMay, type StaffNeed } from "../domain/permissions";
import type { Locale } from "../../i18n/config";

export interface Viewer {
  sessionId: string;
  kind: "debtor" | "staff";
  /** The debtor's id (null for a person with no cases), or the staff user's id. */
  subjectId: string | null;
  role?: "agent" | "supervisor" | "admin";
  displayName: string;
}

export interface Context {
  db: Db;
  viewer: Viewer | null;
  locale: Locale;
  /** Client IP (for BankID's endUserIp and rate limits); never logged. */
  ip: string;
  now: Date;
  /**
   * The portal's address as this request reached it: PUBLIC_BASE_URL, or in a demo without one the
   * host the person opened (so BankID's return comes back to 127.0.0.1 when that was opened).
   */
  baseUrl?: string;
  /** Same-site check for mutations made over HTTP; server callers are trusted. */
  sameOrigin: boolean;
  /** Swish and card clients; the deployment's own unless a test gives its simulators. */
  payments?: PaymentDeps;
  /** Cookie access for procedures that bind state to the browser (BankID orders). */
  cookies?: {
    get: (name: string) => string | undefined;
    set: (name: string, value: string, options: { maxAgeSeconds: number }) => void;
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    // An unexpected failure says nothing about its insides (a query, its parameters, a file path).
    const internal = shape.data.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? "Internal error" : shape.message,
      data: {
        ...shape.data,
        stack: undefined,
        domainCode: cause instanceof DomainError ? cause.code : undefined,
        domainDetails: cause instanceof DomainError ? cause.details : undefined,
        zodIssues: cause instanceof ZodError ? cause.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message })) : undefined,
      },
    };
  },
});

/** Domain errors become the matching tRPC code; the message key travels in `data.domainCode`. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof DomainError) {
    const code = result.error.cause.code;
    const trpcCode = code.endsWith("not_found")
      ? "NOT_FOUND"
      : code.startsWith("rate_limited")
        ? "TOO_MANY_REQUESTS"
        : code.startsWith("forbidden")
          ? "FORBIDDEN"
          : code.startsWith("conflict")
            ? "CONFLICT"
            : "BAD_REQUEST";
    throw new TRPCError({ code: trpcCode, message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

const csrf = t.middleware(({ ctx, type, next }) => {
  if (type === "mutation" && !ctx.sameOrigin) throw new TRPCError({ code: "FORBIDDEN", message: "cross-site request refused" });
  return next();
});

/** True when any string in the value holds a NUL character (PostgreSQL's text cannot store one). */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (depth > 20 || value === null || typeof value !== "object" || value instanceof Uint8Array) return false;
  return Object.values(value).some((v) => holdsNul(v, depth + 1));
}

/** Text with NUL characters is no one's words: refused as invalid input before any procedure runs. */
const noNul = t.middleware(async ({ getRawInput, next }) => {
  if (holdsNul(await getRawInput())) throw new DomainError("invalid", "input holds a NUL character");
  return next();
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(domainErrors).use(csrf).use(noNul);

/** A signed-in debtor: `ctx.debtorId` is the only debtor this request may read or change. */
export const debtorProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer || ctx.viewer.kind !== "debtor") throw new TRPCError({ code: "UNAUTHORIZED" });
  if (!ctx.viewer.subjectId) throw new TRPCError({ code: "NOT_FOUND", message: "no cases" });
  return next({ ctx: { ...ctx, viewer: ctx.viewer, debtorId: ctx.viewer.subjectId } });
});

/** A signed-in person whether or not they have cases (the "nothing here" page). */
export const personProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer || ctx.viewer.kind !== "debtor") throw new TRPCError({ code: "UNAUTHORIZED" });
  return next({ ctx: { ...ctx, viewer: ctx.viewer } });
});

/**
 * A signed-in member of staff who holds `need`: a named permission (`debtor:read`, `audit:read` …)
 * or a least role. The one place staff rights are checked; `ctx.staffId` is who is acting.
 */
export function staffProcedure(need: StaffNeed = "queue:read") {
  return publicProcedure.use(({ ctx, next }) => {
    if (!ctx.viewer || ctx.viewer.kind !== "staff" || !ctx.viewer.subjectId || !ctx.viewer.role) {
      throw new TRPCError({ code: "UNAUTHORIZED" });
    }
    if (!staffMay(ctx.viewer.role, need)) throw new TRPCError({ code: "FORBIDDEN" });
    return next({ ctx: { ...ctx, viewer: ctx.viewer, staffId: ctx.viewer.subjectId, role: ctx.viewer.role } });
  });
}
