import { isDemo } from "@/server/env";
import { bankIdSimulator } from "@/server/integrations/bankid/simulator";

export const dynamic = "force-dynamic";

/** The BankID simulator: RP API under /api/sim/bankid/rp/v6.0/, control API under /api/sim/bankid/control/. Demo mode only. */
async function handle(request: Request) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const path = new URL(request.url).pathname;
  const sim = bankIdSimulator();
  if (path.includes("/api/sim/bankid/control")) return sim.handleControlRequest(request);
  if (path.includes("/api/sim/bankid/rp/v6.0/")) return sim.handleRpRequest(request);
  return new Response("Not found", { status: 404 });
}

export { handle as GET, handle as POST, handle as PUT, handle as DELETE, handle as PATCH };
