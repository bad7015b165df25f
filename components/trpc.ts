"use client";

import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

/** A small vanilla client for the few interactive parts; pages themselves are server-rendered. */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpLink({ url: "/api/trpc", transformer: superjson })],
});

/** The domain error code behind a failed call, if any (for a message in the person's language). */
export function errorCode(error: unknown): string | undefined {
  const data = (error as { data?: { domainCode?: string; code?: string } })?.data;
  return data?.domainCode ?? data?.code;
}
