import http from "node:http";
import https from "node:https";

export interface JsonResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  text: string;
}

export interface TlsOptions {
  pfx?: Buffer;
  cert?: Buffer | string;
  key?: Buffer | string;
  passphrase?: string;
  ca?: Buffer | string;
}

export class TransportError extends Error {
  constructor(
    message: string,
    public readonly kind: "timeout" | "network",
  ) {
    super(message);
    this.name = "TransportError";
  }
}

function isLoopback(url: URL): boolean {
  return ["localhost", "127.0.0.1", "[::1]", "::1"].includes(url.hostname);
}

/**
 * One JSON request over HTTPS with a client certificate (mutual TLS), or over plain HTTP to a
 * loopback address (the simulators). Plain HTTP anywhere else is refused.
 */
export function createJsonTransport(options: TlsOptions & { timeoutMs?: number }) {
  const agent = new https.Agent({
    keepAlive: true,
    pfx: options.pfx,
    cert: options.cert,
    key: options.key,
    passphrase: options.passphrase,
    ca: options.ca,
    minVersion: "TLSv1.2",
  });
  const timeoutMs = options.timeoutMs ?? 10_000;

  return function request(
    method: string,
    url: string,
    body?: unknown,
    extra: { headers?: Record<string, string>; contentType?: string } = {},
  ): Promise<JsonResponse> {
    const target = new URL(url);
    if (target.protocol === "http:" && !isLoopback(target)) throw new TransportError("plain HTTP is only allowed to loopback", "network");
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { Accept: "application/json", ...extra.headers };
    if (payload) {
      headers["Content-Type"] = extra.contentType ?? "application/json";
      headers["Content-Length"] = String(payload.length);
    }
    const lib = target.protocol === "https:" ? https : http;
    return new Promise<JsonResponse>((resolve, reject) => {
      const req = lib.request(
        target,
        { method, headers, ...(target.protocol === "https:" ? { agent } : {}), timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            let parsed: unknown = undefined;
            if (text) {
              try {
                parsed = JSON.parse(text);
              } catch {
                parsed = undefined;
              }
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed, text });
          });
          res.on("error", (e) => reject(new TransportError(e.message, "network")));
        },
      );
      req.on("timeout", () => req.destroy(new TransportError(`no answer within ${timeoutMs} ms`, "timeout")));
      req.on("error", (e) => reject(e instanceof TransportError ? e : new TransportError(e.message, "network")));
      if (payload) req.write(payload);
      req.end();
    });
  };
}
