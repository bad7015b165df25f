import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer, type ServerOptions } from "node:https";

export type FetchHandler = (request: Request) => Promise<Response> | Response;

/**
 * Serves a Web-standard fetch handler (the same one the app mounts in a route handler) on
 * loopback, so clients and simulators are tested over real HTTP(S) in integration tests and scripts.
 */
export async function serveFetchHandler(
  handler: FetchHandler,
  options: { port?: number; tls?: ServerOptions } = {},
): Promise<{ url: string; server: Server; close: () => Promise<void> }> {
  const listener = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const scheme = options.tls ? "https" : "http";
      const url = `${scheme}://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      const request = new Request(url, {
        method: req.method,
        headers,
        body: req.method === "GET" || req.method === "HEAD" || body.length === 0 ? undefined : body,
      });
      const response = await handler(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      res.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  };
  const server = options.tls ? createHttpsServer(options.tls, listener) : createServer(listener);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no address");
  const url = `${options.tls ? "https" : "http"}://127.0.0.1:${address.port}`;
  return {
    url,
    server,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
