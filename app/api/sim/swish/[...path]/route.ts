import { isDemo } from "@/server/env";
import { swishSimulator } from "@/server/integrations/swish/simulator";

export const dynamic = "force-dynamic";

/** The Swish simulator: Commerce API under /api/sim/swish/swish-cpcapi/, control under /api/sim/swish/control/. Demo mode only. */
async function handle(request: Request) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const path = new URL(request.url).pathname;
  const sim = swishSimulator();
  if (path.startsWith("/api/sim/swish/control")) return sim.handleControlRequest(request);
  if (path.startsWith("/api/sim/swish/swish-cpcapi/")) return sim.handleApiRequest(request);
  return new Response("Not found", { status: 404 });
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
