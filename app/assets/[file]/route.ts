import { contentHash, SCRIPTS, scriptSource, type ScriptName } from "@/server/assets";

/** Our scripts by hashed name (see server/assets.ts), cached for good; an old hash is not found. */
export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const match = /^([a-z-]+)\.([0-9A-Za-z]+)\.js$/.exec(file);
  const name = match ? (`${match[1]}.js` as ScriptName) : null;
  if (!match || !name || !SCRIPTS.includes(name)) return new Response("Not found", { status: 404 });
  const source = scriptSource(name);
  if (contentHash(source) !== match[2]) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(source), {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
}
