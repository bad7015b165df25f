// Pages that need no JavaScript are sent without any.
//
// Most debtor pages are text, tables and plain HTML forms: they work the same before and after
// React hydrates them, yet every App Router page loads about 135 KB (gzipped) of React and router
// code to hydrate. A page whose component tree holds no client component of our own gets that
// code taken out of its HTML; it still works, because its links are links and its forms post.
// Which pages qualify is read from the build, so adding a client component to a page brings its
// JavaScript back by itself.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";

/** Next's own client components (router, boundaries, Link) give a server-rendered page nothing it needs. */
const FRAMEWORK_MODULE = /(^|[\\/])node_modules[\\/]next[\\/]/;

/** The client modules of one page's client-reference manifest that are not Next's own. */
export function ownClientModules(manifest) {
  return Object.keys(manifest?.clientModules ?? {}).filter((id) => !FRAMEWORK_MODULE.test(id));
}

/**
 * Reads a production build (`.next`) and returns a function telling, for a URL path, whether its
 * page goes out without scripts. Paths are matched as Next matches them: static routes first,
 * then dynamic ones in the build's order, so `/plans/new` is never taken for `/plans/[planId]`.
 * A build it cannot read gives no script-free page at all.
 */
export function loadScriptFreeRoutes(distDir) {
  let routes;
  try {
    const routesManifest = JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8"));
    const appPaths = JSON.parse(readFileSync(path.join(distDir, "app-path-routes-manifest.json"), "utf8"));
    const scriptFree = new Set();
    for (const [entry, page] of Object.entries(appPaths)) {
      if (!entry.endsWith("/page")) continue;
      const file = path.join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
      if (!existsSync(file)) continue;
      const context = {};
      vm.runInNewContext(readFileSync(file, "utf8"), context, { filename: file });
      const manifest = context.__RSC_MANIFEST?.[entry];
      if (manifest && ownClientModules(manifest).length === 0) scriptFree.add(page);
    }
    routes = [...routesManifest.staticRoutes, ...routesManifest.dynamicRoutes].map((route) => ({
      regex: new RegExp(route.regex),
      scriptFree: scriptFree.has(route.page),
      page: route.page,
    }));
  } catch (error) {
    console.warn(`Every page is sent with its scripts: the build could not be read (${error.message})`);
    routes = [];
  }
  const isScriptFree = (pathname) => routes.find((route) => route.regex.test(pathname))?.scriptFree ?? false;
  isScriptFree.pages = routes.filter((route) => route.scriptFree).map((route) => route.page);
  return isScriptFree;
}

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\bas="script")(?=[^>]*\bhref="\/_next\/)[^>]*>|<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi;
/** Our own progressive enhancement (a same-origin file outside `/_next/`) stays. */
const OWN_SCRIPT = /\bsrc="\/(?!_next\/)[^"]*"/;

/**
 * The page without Next's scripts: the runtime and page chunks, their preloads, and the inline
 * hydration data. Returns null when the HTML cannot stand without them: a Suspense boundary
 * still pending (`<!--$?-->`) or left to the client (`<!--$!-->`) is only ever filled by a script.
 */
export function stripScripts(html) {
  if (html.includes("<!--$?-->") || html.includes("<!--$!-->")) return null;
  return html.replace(SCRIPT, (tag, attributes) => (OWN_SCRIPT.test(attributes) ? tag : "")).replace(SCRIPT_PRELOAD, "");
}

/** The encoding to send, from the request's Accept-Encoding (brotli, then gzip, else none). */
export function chooseEncoding(acceptEncoding = "") {
  const accepted = new Map(
    acceptEncoding
      .split(",")
      .map((part) => part.trim().split(";q="))
      .filter(([name]) => name)
      .map(([name, q]) => [name.toLowerCase(), q === undefined ? 1 : Number(q)]),
  );
  const wants = (name) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  if (wants("br")) return "br";
  if (wants("gzip")) return "gzip";
  return null;
}

/**
 * Handles a request for a script-free page. A request for its React Server Components payload
 * (the client router's, from a page that has React) is answered 204, so the router loads the
 * page as a document instead. Anything else goes to Next with its output held back: HTML comes
 * out without scripts, compressed here (Next is asked for it uncompressed), everything else
 * (redirects, files) exactly as Next sent it.
 */
export function handleScriptFree(req, res, handle) {
  // A server action called from a page with React answers in its own format.
  if (req.headers["next-action"]) return handle(req, res);
  if (req.headers.rsc === "1") {
    res.writeHead(204, { "Cache-Control": "no-store", Vary: "rsc, next-router-state-tree, next-router-prefetch" });
    res.end();
    return;
  }

  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  delete req.headers["accept-encoding"];
  const chunks = [];
  const keep = (chunk, enc) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof enc === "string" ? enc : "utf8"));
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const writeHead = res.writeHead.bind(res);
  res.writeHead = (status, ...rest) => {
    res.statusCode = status;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value);
    return res;
  };
  res.write = (chunk, enc, callback) => {
    keep(chunk, enc);
    const done = typeof enc === "function" ? enc : callback;
    if (done) process.nextTick(done);
    return true;
  };
  res.flushHeaders = () => {};
  res.end = (chunk, enc, callback) => {
    keep(chunk, enc);
    res.write = write;
    res.writeHead = writeHead;
    let body = Buffer.concat(chunks);
    if (String(res.getHeader("content-type") ?? "").startsWith("text/html") && req.method !== "HEAD") {
      const html = body.toString("utf8");
      body = Buffer.from(stripScripts(html) ?? html, "utf8");
      if (encoding && body.length > 1024) {
        body =
          encoding === "br"
            ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
            : gzipSync(body, { level: 6 });
        res.setHeader("Content-Encoding", encoding);
      }
      const vary = String(res.getHeader("vary") ?? "");
      if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
      res.setHeader("Content-Length", body.length);
    }
    return end(body.length > 0 ? body : undefined, typeof callback === "function" ? callback : typeof enc === "function" ? enc : undefined);
  };
  return handle(req, res);
}
