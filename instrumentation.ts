/** Opens and migrates the database (and, in demo mode, seeds it) and starts the background jobs. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerLifecycle } = await import("./server/lifecycle");
  registerLifecycle();
  const { getDbHandle } = await import("./server/db");
  const handle = await getDbHandle();
  if (process.env.KVITT_DEMO === "1") {
    // The SMTP simulator listens beside the app in demo mode, on the port of SMTP_URL.
    const { env } = await import("./server/env");
    const { emailSimulator } = await import("./server/integrations/email/simulator");
    await emailSimulator(Number(new URL(env().SMTP_URL).port)).catch((error: unknown) => console.error(`SMTP simulator did not start: ${error instanceof Error ? error.message : String(error)}`));
  }
  if (process.env.KVITT_JOBS === "0") return;
  const { startJobs } = await import("./server/jobs");
  const { JOBS } = await import("./server/jobs/schedule");
  await startJobs(handle, JOBS).catch((error: unknown) => console.error(`jobs did not start: ${error instanceof Error ? error.message : String(error)}`));
}
