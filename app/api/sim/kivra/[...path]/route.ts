import { env, isDemo } from "@/server/env";
import { kivraSimulator } from "@/server/integrations/kivra/simulator";

export const dynamic = "force-dynamic";

/** The Kivra simulator: sender API and OAuth2 token under /api/sim/kivra/, control under /api/sim/kivra/control/. Demo mode only. */
async function handle(request: Request) {
  if (!isDemo()) return new Response("Not found", { status: 404 });
  const path = new URL(request.url).pathname;
  const sim = kivraSimulator();
  // Payments in the simulated app are reported to the portal's own webhook.
  const webhook = `${env().PUBLIC_BASE_URL.replace(/\/+$/, "")}/api/webhooks/kivra`;
  if (!sim.webhooks.includes(webhook)) sim.webhooks.push(webhook);
  if (path.startsWith("/api/sim/kivra/control")) return sim.handleControlRequest(request);
  return sim.handleApiRequest(request);
}

export { handle as GET, handle as POST };
