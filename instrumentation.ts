/** Opens and migrates the database (and, in demo mode, seeds it) when the server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDbHandle } = await import("./server/db");
  await getDbHandle();
}
