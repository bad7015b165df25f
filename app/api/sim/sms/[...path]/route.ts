import { isDemo } from "@/server/env";
import { smsSimulator } from "@/server/integrations/sms/simulator";

export const dynamic = "force-dynamic";

/** The 46elks simulator: API under /api/sim/sms/a1/, control under /api/sim/sms/control/. Demo mode only. */
async function handle(request: Request) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const path = new URL(request.url).pathname;
  const sim = smsSimulator();
  if (path.startsWith("/api/sim/sms/control")) return sim.handleControlRequest(request);
  if (path.startsWith("/api/sim/sms/a1/")) return sim.handleApiRequest(request);
  return new Response("Not found", { status: 404 });
}

export { handle as GET, handle as POST };
