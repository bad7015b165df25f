import { notFound } from "next/navigation";
import { isDemo } from "@/server/env";

/** The simulated Swish app exists only in demo mode. */
export default function SimSwishLayout({ children }: { children: React.ReactNode }) {
  if (!isDemo()) notFound();
  return <>{children}</>;
}
