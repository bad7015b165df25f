import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleScriptFree, loadScriptFreeRoutes } from "./script-free.mjs";

describe("loadScriptFreeRoutes", () => {
  let dist: string;
  beforeAll(() => {
    // A build's manifests, as Next.js writes them: a static route beside a dynamic one that
    // would also match its path, one page with a client component of ours and two without.
    dist = mkdtempSync(path.join(os.tmpdir(), "kvitt-dist-"));
    writeFileSync(
      path.join(dist, "routes-manifest.json"),
      JSON.stringify({
        staticRoutes: [
          { page: "/plans/new", regex: "^/plans/new(?:/)?$" },
          { page: "/help", regex: "^/help(?:/)?$" },
        ],
        dynamicRoutes: [
          { page: "/plans/[planId]", regex: "^/plans/([^/]+?)(?:/)?$" },
          { page: "/l/[token]", regex: "^/l/([^/]+?)(?:/)?$" },
        ],
      }),
    );
    writeFileSync(
      path.join(dist, "app-path-routes-manifest.json"),
      JSON.stringify({
        "/(debtor)/plans/new/page": "/plans/new",
        "/(debtor)/help/page": "/help",
        "/(debtor)/plans/[planId]/page": "/plans/[planId]",
        "/l/[token]/route": "/l/[token]",
      }),
    );
    const manifest = (entry: string, modules: string[]) => {
      const dir = path.join(dist, "server", "app", path.dirname(entry));
      mkdirSync(dir, { recursive: true });
      const clientModules = Object.fromEntries(modules.map((m) => [m, { id: 1, name: "*", chunks: [], async: false }]));
      writeFileSync(
        path.join(dist, "server", "app", `${entry}_client-reference-manifest.js`),
        `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ clientModules })};`,
      );
    };
    const next = "[project]/node_modules/next/dist/esm/client/components/layout-router.js";
    manifest("/(debtor)/plans/new/page", [next, "[project]/components/debtor/plan-live.tsx"]);
    manifest("/(debtor)/help/page", [next]);
    manifest("/(debtor)/plans/[planId]/page", [next, "[project]/node_modules/next/dist/client/app-dir/link.js"]);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it("sends a page without scripts only when it has no client component of its own", () => {
    const isScriptFree = loadScriptFreeRoutes(dist);
    expect(isScriptFree("/help")).toBe(true);
    expect(isScriptFree("/plans/3f2b")).toBe(true);
    expect(isScriptFree("/plans/new")).toBe(false);
    expect(isScriptFree("/l/demo-anna")).toBe(false);
    expect(isScriptFree("/nowhere")).toBe(false);
    expect(isScriptFree.pages.sort()).toEqual(["/help", "/plans/[planId]"]);
  });

  it("gives no script-free page for a build it cannot read", () => {
    const isScriptFree = loadScriptFreeRoutes(path.join(dist, "missing"));
    expect(isScriptFree("/help")).toBe(false);
    expect(isScriptFree.pages).toEqual([]);
  });
});

describe("handleScriptFree", () => {
  const html = (body: string) =>
    `<!DOCTYPE html><html><head><script src="/_next/static/chunks/runtime.js" async=""></script></head><body>${body}<script>self.__next_f.push([1,"x"])</script></body></html>`;
  const text = "Du har 1 450 kr kvar att betala. ".repeat(80);
  const seen: { acceptEncoding?: string }[] = [];
  // Stands in for Next's handler, writing as it does: headers, then the HTML in several chunks.
  const next = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ acceptEncoding: req.headers["accept-encoding"] });
    if (req.url === "/redirect") {
      res.writeHead(303, { Location: "/cases" });
      res.end();
      return;
    }
    const page = req.url === "/pending" ? html(`<!--$?--><template id="B:0"></template><!--/$-->${text}`) : html(`<p>${text}</p>`);
    res.statusCode = 200;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Vary", "rsc");
    const bytes = Buffer.from(page);
    res.write(bytes.subarray(0, 100));
    res.write(bytes.subarray(100, 2000).toString("utf8"), "utf8");
    setTimeout(() => res.end(bytes.subarray(2000)), 5);
  };
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((req, res) => handleScriptFree(req, res, next));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("sends the HTML without scripts, compressed as the browser asks", async () => {
    for (const encoding of ["br", "gzip"]) {
      const res = await fetch(`${base}/help`, { headers: { "Accept-Encoding": encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-encoding")).toBe(encoding);
      expect(res.headers.get("vary")).toBe("rsc, Accept-Encoding");
      expect(Number(res.headers.get("content-length"))).toBeLessThan(text.length / 4);
      const body = await res.text();
      expect(body).toBe(`<!DOCTYPE html><html><head></head><body><p>${text}</p></body></html>`);
    }
    // Next is asked for plain bytes, so nothing is compressed twice.
    expect(seen.at(-1)!.acceptEncoding).toBeUndefined();
  });

  it("sends a page whose content still needs a script whole", async () => {
    const body = await (await fetch(`${base}/pending`)).text();
    expect(body).toContain("__next_f");
    expect(body).toContain(text);
  });

  it("passes a redirect through untouched", async () => {
    const res = await fetch(`${base}/redirect`, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/cases");
  });

  it("answers the client router's request for the page's payload with nothing, so it loads the page", async () => {
    const before = seen.length;
    const res = await fetch(`${base}/help?_rsc=1x2`, { headers: { RSC: "1" } });
    expect(res.status).toBe(204);
    expect(seen.length).toBe(before);
  });
});
