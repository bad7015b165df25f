import type { Server } from "node:http";

export function shutDownGracefully(
  server: Server,
  options?: {
    timeoutMs?: number;
    beforeClose?: () => void;
    whileClosing?: () => Promise<unknown>;
    afterRequests?: () => Promise<unknown>;
    log?: (line: string) => void;
  },
): Promise<"clean" | "timeout">;
