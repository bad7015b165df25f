// The production HTTP server: Next.js's request handler, with the pages that need no JavaScript
// sent without it (see script-free.mjs). `npm start`, `npm run demo` and the end-to-end tests run
// the built app through this file; `npm run dev` uses `next dev` and keeps every script.
import { createServer } from "node:http";
import path from "node:path";
import { shutDownGracefully } from "./graceful.mjs";
import { handleScriptFree, loadScriptFreeRoutes } from "./script-free.mjs";

process.env.NODE_ENV = "production";
const { default: next } = await import("next");

const dir = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, dir, port, hostname: "localhost" });
const handle = app.getRequestHandler();
let isScriptFree = () => false;

const server = createServer(async (req, res) => {
  await ready;
  const pathname = (req.url ?? "/").split("?")[0];
  if (isScriptFree(pathname)) handleScriptFree(req, res, handle);
  else handle(req, res);
});
// As `next start` does: longer than a load balancer's idle timeout, so it never sees a reset.
server.keepAliveTimeout = 65_000;

// The port first: a second server on a taken port stops here, before it opens the database.
await new Promise((resolve, reject) => server.once("error", reject).listen(port, resolve)).catch((error) => {
  console.error(`Cannot listen on port ${port}: ${error.code ?? error.message}`);
  process.exit(1);
});
const ready = app.prepare().then(() => {
  isScriptFree = loadScriptFreeRoutes(path.join(dir, ".next"));
  console.info(`Listening on http://localhost:${port} (${isScriptFree.pages.length} pages without JavaScript)`);
});
await ready;

// SIGTERM (a deployment, `docker stop`): readiness fails at once, requests in flight and running
// jobs finish, then the database is closed (see graceful.mjs and server/lifecycle.ts).
let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  const lifecycle = globalThis.__kvittLifecycle;
  console.info(`${signal}: finishing the requests and jobs in flight …`);
  const outcome = await shutDownGracefully(server, {
    timeoutMs: Number(process.env.KVITT_SHUTDOWN_TIMEOUT_MS ?? 25_000),
    beforeClose: () => {
      if (lifecycle) lifecycle.draining = true;
    },
    whileClosing: () => lifecycle?.stopJobs().catch((error) => console.error(`jobs did not stop cleanly: ${error.message}`)),
    afterRequests: () => lifecycle?.closeDatabase().catch((error) => console.error(`database did not close cleanly: ${error.message}`)),
  });
  console.info(outcome === "clean" ? "Stopped." : "Stopped before everything finished (time limit).");
  process.exit(outcome === "clean" ? 0 : 1);
};
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
