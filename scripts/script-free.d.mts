import type { IncomingMessage, ServerResponse } from "node:http";

export function ownClientModules(manifest: { clientModules?: Record<string, unknown> } | undefined): string[];
export function loadScriptFreeRoutes(distDir: string): ((pathname: string) => boolean) & { pages: string[] };
export function stripScripts(html: string): string | null;
export function chooseEncoding(acceptEncoding?: string): "br" | "gzip" | null;
export function handleScriptFree(req: IncomingMessage, res: ServerResponse, handle: (req: IncomingMessage, res: ServerResponse) => unknown): unknown;
