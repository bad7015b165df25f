import { isDemo } from "@/server/env";
import { cardSimulator } from "@/server/integrations/card/simulator";

export const dynamic = "force-dynamic";

/** The card (Stripe Checkout) simulator: API under /api/sim/card/v1/, control under /api/sim/card/control/. Demo mode only. */
async function handle(request: Request) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const path = new URL(request.url).pathname;
  const sim = cardSimulator();
  if (path.startsWith("/api/sim/card/control")) return sim.handleControlRequest(request);
  if (path.startsWith("/api/sim/card/v1/")) return sim.handleApiRequest(request);
  return new Response("Not found", { status: 404 });
}

export { handle as GET, handle as POST, handle as DELETE };
