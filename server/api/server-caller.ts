import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { TRPCError } from "@trpc/server";
import { createRequestContext } from "./context";
import { createCaller } from "./root";

/** Server components read through the same procedures (and the same authorisation) as the browser. */
export const api = cache(async () => createCaller(await createRequestContext({ overHttp: false })));

/**
 * What a page reads, or the 404 page when the procedure says "not found" (someone else's id, or
 * one that does not exist: both look the same). Anything else is a real error and goes on.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
