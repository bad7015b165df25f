import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { shutDownGracefully } from "./graceful.mjs";

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function slowServer(ms: number): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    setTimeout(() => res.end(`done ${req.url}`), ms);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

describe("shutDownGracefully", () => {
  it("lets the request in flight and the running job finish, then closes the database, and takes no new connection", async () => {
    const { server, port } = await slowServer(300);
    const events: string[] = [];
    const inFlight = get(port, "/slow").then((r) => {
      events.push("response");
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    const outcome = shutDownGracefully(server, {
      beforeClose: () => events.push("draining"),
      whileClosing: async () => {
        await new Promise((r) => setTimeout(r, 400));
        events.push("job finished");
      },
      afterRequests: async () => {
        events.push("database closed");
      },
    });
    await expect(get(port, "/late")).rejects.toThrow(/ECONNREFUSED/);
    expect(await inFlight).toEqual({ status: 200, body: "done /slow" });
    expect(await outcome).toBe("clean");
    expect(events).toEqual(["draining", "response", "job finished", "database closed"]);
  });

  it("gives up after its time limit", async () => {
    const { server, port } = await slowServer(2_000);
    const inFlight = get(port, "/stuck").catch(() => null);
    await new Promise((r) => setTimeout(r, 50));
    expect(await shutDownGracefully(server, { timeoutMs: 200 })).toBe("timeout");
    server.closeAllConnections();
    await inFlight;
  });
});
