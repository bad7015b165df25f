// Graceful shutdown of the HTTP server: on SIGTERM the process stops taking new connections, lets
// the requests it is serving finish, lets running background jobs finish, closes the database and
// exits. Readiness answers 503 from the first moment, so a load balancer stops sending work.

/**
 * Stops `server` gracefully and resolves when everything has finished (or `timeoutMs` passed).
 * `beforeClose` runs first (marks the process as draining), `afterRequests` once no request is in
 * flight (stops the jobs and closes the database).
 * @param {import("node:http").Server} server
 * @param {{ timeoutMs?: number, beforeClose?: () => void, whileClosing?: () => Promise<unknown>, afterRequests?: () => Promise<unknown>, log?: (line: string) => void }} options
 * @returns {Promise<"clean" | "timeout">}
 */
export async function shutDownGracefully(server, options = {}) {
  const { timeoutMs = 30_000, beforeClose, whileClosing, afterRequests, log = () => {} } = options;
  beforeClose?.();
  const closed = new Promise((resolve) => server.close(() => resolve(undefined)));
  // A keep-alive connection is closed as soon as it is idle; one mid-request gets "Connection: close".
  server.closeIdleConnections();
  const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
  const work = (async () => {
    await Promise.all([closed, whileClosing?.()]);
    log("requests finished");
    await afterRequests?.();
  })();
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  try {
    return await Promise.race([work.then(() => "clean"), timeout]);
  } finally {
    clearInterval(idleSweep);
    clearTimeout(timer);
  }
}
