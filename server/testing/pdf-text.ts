import { inflateSync } from "node:zlib";

/**
 * The text drawn in a PDF made with pdf-lib's standard fonts: every content stream is inflated and
 * its `Tj` strings (hex or literal, WinAnsi) read in order. Enough to check what a PDF says.
 */
export function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString("latin1");
  const out: string[] = [];
  const stream = /<<([\s\S]*?)>>\s*stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (const match of raw.matchAll(stream)) {
    const dict = match[1]!;
    let body = Buffer.from(match[2]!, "latin1");
    if (/\/FlateDecode/.test(dict)) {
      try {
        body = inflateSync(body);
      } catch {
        continue;
      }
    }
    const content = body.toString("latin1");
    for (const t of content.matchAll(/(?:<([0-9A-Fa-f]*)>|\(((?:\\.|[^\\)])*)\))\s*Tj/g)) {
      out.push(t[1] !== undefined ? Buffer.from(t[1], "hex").toString("latin1") : t[2]!.replace(/\\([()\\])/g, "$1"));
    }
  }
  return out.join("\n");
}
