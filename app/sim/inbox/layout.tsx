import { notFound } from "next/navigation";
import { isDemo } from "@/server/env";

/** The simulated inboxes exist only in demo mode. */
export default function SimInboxLayout({ children }: { children: React.ReactNode }) {
  if (!isDemo()) notFound();
  return <>{children}</>;
}
