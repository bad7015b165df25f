import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/** Our own scripts in `public/`, served under names that change with their content. */
export const SCRIPTS = ["enhance.js", "bankid.js", "wait.js", "preview.js"] as const;
export type ScriptName = (typeof SCRIPTS)[number];

const urls = new Map<string, string>();

export function scriptSource(name: ScriptName): Buffer {
  return readFileSync(path.join(process.cwd(), "public", name));
}

export function contentHash(source: Buffer): string {
  return createHash("sha256").update(source).digest("base64url").slice(0, 12).replace(/[-_]/g, "0");
}

/**
 * `/assets/<name>.<hash>.js`: a browser may keep it for a year without asking again, since a new
 * version has a new name. Worked out once per process in production (the files do not change).
 */
export function assetUrl(name: ScriptName): string {
  const known = process.env.NODE_ENV === "production" ? urls.get(name) : undefined;
  if (known) return known;
  const url = `/assets/${name.replace(/\.js$/, "")}.${contentHash(scriptSource(name))}.js`;
  urls.set(name, url);
  return url;
}
