import { notFound } from "next/navigation";
import { isDemo } from "@/server/env";

/** The simulated apps exist only in demo mode. */
export default function SimLayout({ children }: { children: React.ReactNode }) {
  if (!isDemo()) notFound();
  return <>{children}</>;
}
