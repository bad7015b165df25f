import type { DbHandle } from "./db/client";

/**
 * The bridge between the HTTP server (`scripts/serve.mjs`, which owns SIGTERM) and the app inside
 * it: the server marks the process as draining and asks the app to stop its jobs and close its
 * database, through one object on globalThis (the server is plain JavaScript outside the bundle).
 */
export interface Lifecycle {
  draining: boolean;
  /** Lets running jobs finish, then stops the worker. */
  stopJobs: () => Promise<void>;
  /** Closes the database pool (after the last request and job). */
  closeDatabase: () => Promise<void>;
}

type Globals = {
  __kvittLifecycle?: Lifecycle;
  __kvittJobs?: Promise<{ stop: () => Promise<void> }>;
  __kvittDb?: Promise<DbHandle>;
};
const g = globalThis as unknown as Globals;

export function registerLifecycle(): Lifecycle {
  g.__kvittLifecycle ??= {
    draining: false,
    stopJobs: async () => {
      const jobs = await g.__kvittJobs?.catch(() => undefined);
      await jobs?.stop();
    },
    closeDatabase: async () => {
      const handle = await g.__kvittDb?.catch(() => undefined);
      await handle?.close();
    },
  };
  return g.__kvittLifecycle;
}

/** True once the process has been told to stop: readiness fails so no new work arrives. */
export function isDraining(): boolean {
  return g.__kvittLifecycle?.draining ?? false;
}
