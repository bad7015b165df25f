"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { trpc } from "@/components/trpc";

/**
 * While a payment is open, asks every two seconds how it went and shows the page anew when it has
 * changed. The waiting text is a polite live region, so a screen reader hears it once.
 */
export function PaymentWatcher({ requestId, waiting }: { requestId: string; waiting: string }) {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const request = await trpc.debtor.payments.get.query({ requestId });
        if (!stopped && request.status !== "created") {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // A dropped connection: ask again on the next tick.
      }
    }, 2000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [requestId, router]);
  return (
    <p role="status" className="flex items-center gap-3 text-lg">
      <span aria-hidden="true" className="inline-block h-3 w-3 animate-pulse rounded-full bg-brand-700" />
      {waiting}
    </p>
  );
}
