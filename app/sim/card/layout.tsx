import { notFound } from "next/navigation";
import { isDemo } from "@/server/env";

/** The simulated card checkout exists only in demo mode. */
export default function SimCardLayout({ children }: { children: React.ReactNode }) {
  if (!isDemo()) notFound();
  return <>{children}</>;
}
