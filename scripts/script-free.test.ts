import { describe, expect, it } from "vitest";
import { chooseEncoding, ownClientModules, stripScripts } from "./script-free.mjs";

// The shape of a Next.js 16 App Router page: the runtime's chunks, their preloads, the inline
// bootstrap and the inline React Server Components payload, around server-rendered content.
const page = [
  '<!DOCTYPE html><html lang="sv"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/page.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<link rel="preload" as="image" href="/picture.svg"/>',
  '<script src="/_next/static/chunks/runtime.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script src="/enhance.js" async=""></script>',
  "<title>Frågor och svar – Kvitt</title></head>",
  '<body><div hidden=""><!--$--><!--/$--></div><main id="main"><h1>Frågor och svar</h1>',
  '<form action="/api/lang" method="post"><button type="submit">English</button></form></main>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"0:{\\"P\\":null,\\"b\\":\\"x\\",\\"c\\":\\"\\u003c/script\\u003e\\"}\\n"])</script>',
  "</body></html>",
].join("");

describe("stripScripts", () => {
  const stripped = stripScripts(page)!;

  it("takes out Next's scripts, their preloads and the inline hydration data", () => {
    expect(stripped).not.toMatch(/_next\/static\/chunks\/[a-z]+\.js/);
    expect(stripped).not.toContain("__next_f");
    expect(stripped).not.toContain("TURBOPACK");
    expect(stripped).not.toContain("modulepreload");
    expect(stripped.match(/<script/g)).toHaveLength(1);
  });

  it("keeps our own script, the styles, other preloads and every word of the page", () => {
    expect(stripped).toContain('<script src="/enhance.js" async=""></script>');
    expect(stripped).toContain('<link rel="stylesheet" href="/_next/static/chunks/app.css" data-precedence="next"/>');
    expect(stripped).toContain('<link rel="preload" as="image" href="/picture.svg"/>');
    expect(stripped).toContain("<title>Frågor och svar – Kvitt</title>");
    expect(stripped).toContain('<main id="main"><h1>Frågor och svar</h1><form action="/api/lang" method="post"><button type="submit">English</button></form></main>');
    expect(stripped.endsWith("</body></html>")).toBe(true);
  });

  it("leaves a page alone whose content a script still has to put in place", () => {
    expect(stripScripts(page.replace("<main", '<!--$?--><template id="B:0"></template><!--/$--><main'))).toBeNull();
    expect(stripScripts(page.replace("<main", "<!--$!--><template></template><!--/$--><main"))).toBeNull();
  });

  it("changes nothing on a page without scripts", () => {
    expect(stripScripts(stripped)).toBe(stripped);
  });
});

describe("ownClientModules", () => {
  it("counts client components outside Next itself, with Turbopack's and webpack's module names", () => {
    const clientModules = {
      "[project]/node_modules/next/dist/esm/client/components/layout-router.js": {},
      "[project]/node_modules/next/dist/client/app-dir/link.js": {},
      "/srv/kvitt/node_modules/next/dist/client/components/client-page.js": {},
      "[project]/components/ui/copy-button.tsx": {},
      "/srv/kvitt/node_modules/next-intl/dist/esm/production/shared/NextIntlClientProvider.js": {},
    };
    expect(ownClientModules({ clientModules })).toEqual([
      "[project]/components/ui/copy-button.tsx",
      "/srv/kvitt/node_modules/next-intl/dist/esm/production/shared/NextIntlClientProvider.js",
    ]);
    expect(ownClientModules(undefined)).toEqual([]);
  });
});

describe("chooseEncoding", () => {
  it.each([
    ["gzip, deflate, br, zstd", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip;q=0.8", "gzip"],
    ["*", "br"],
    ["identity", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (header, expected) => {
    expect(chooseEncoding(header)).toBe(expected);
  });
});
