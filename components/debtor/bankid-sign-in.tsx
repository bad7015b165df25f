"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { errorCode, trpc } from "@/components/trpc";

export interface BankIdSignInTexts {
  thisDevice: string;
  otherDevice: string;
  qrHelp: string;
  qrLabel: string;
  openApp: string;
  waiting: string;
  cancel: string;
  retry: string;
  signingIn: string;
  rateLimited: string;
  failed: string;
  refused: string;
  rfa: Record<string, string>;
}

type State =
  | { step: "choose" }
  | { step: "waiting"; orderId: string; sameDevice: boolean; autoStartUrl: string | null; rfa: string; qrSvg: string | null; qr: string | null }
  | { step: "signing-in" }
  | { step: "opening-app" }
  | { step: "failed"; message: string };

const STORAGE_KEY = "kvitt-bankid-order";

/**
 * BankID sign-in: on this device (autostart link) or on another device (animated QR, refreshed
 * every second). The status line is BankID's recommended text, announced to screen readers.
 */
export function BankIdSignIn({
  purpose,
  texts,
  preferSameDevice,
  complete,
  signPlanId,
}: {
  purpose: "debtor" | "staff" | "plan";
  /** Signing a plan instead of signing in: the order carries the plan's text. */
  signPlanId?: string;
  texts: BankIdSignInTexts;
  preferSameDevice: boolean;
  complete: (orderId: string) => Promise<{ error?: string } | void>;
}) {
  const [state, setState] = useState<State>({ step: "choose" });
  const stateRef = useRef(state);
  stateRef.current = state;
  const headingRef = useRef<HTMLParagraphElement>(null);

  const fail = useCallback(
    (message: string) => {
      sessionStorage.removeItem(STORAGE_KEY);
      setState({ step: "failed", message });
    },
    [],
  );

  const start = async (sameDevice: boolean) => {
    try {
      const order =
        purpose === "plan" && signPlanId
          ? await trpc.debtor.plans.startSigning.mutate({ planId: signPlanId, sameDevice })
          : await trpc.auth.bankid.start.mutate({ purpose: purpose === "staff" ? "staff" : "debtor", sameDevice });
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ orderId: order.orderId, sameDevice, purpose }));
      if (sameDevice && order.autoStartUrl) {
        // Off to the BankID app; this page carries on with the order when the app sends the person back.
        setState({ step: "opening-app" });
        window.location.href = order.autoStartUrl;
        return;
      }
      setState({ step: "waiting", orderId: order.orderId, sameDevice, autoStartUrl: order.autoStartUrl, rfa: "RFA1", qrSvg: null, qr: null });
    } catch (error) {
      fail(errorCode(error) === "rate_limited_bankid" ? texts.rateLimited : (texts.rfa.RFA22 ?? texts.failed));
    }
  };

  // Coming back from the BankID app on this device: carry on with the same order.
  useEffect(() => {
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (!saved) return;
    try {
      const parsed = JSON.parse(saved) as { orderId: string; sameDevice: boolean; purpose: string };
      if (parsed.purpose !== purpose) return;
      setState({ step: "waiting", orderId: parsed.orderId, sameDevice: parsed.sameDevice, autoStartUrl: null, rfa: "RFA21", qrSvg: null, qr: null });
    } catch {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  }, [purpose]);

  const waitingOrder = state.step === "waiting" ? state.orderId : null;
  useEffect(() => {
    if (!waitingOrder) return;
    let stopped = false;
    let errors = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const result = await trpc.auth.bankid.poll.mutate({ orderId: waitingOrder });
        if (stopped) return;
        errors = 0;
        if (result.status === "pending") {
          setState((s) => (s.step === "waiting" && s.orderId === waitingOrder ? { ...s, rfa: result.rfa, qrSvg: result.qrSvg, qr: result.qr } : s));
          timer = setTimeout(tick, 1000);
        } else if (result.status === "complete") {
          sessionStorage.removeItem(STORAGE_KEY);
          setState({ step: "signing-in" });
          const outcome = await complete(waitingOrder);
          if (outcome?.error) fail(outcome.error === "not_staff" ? texts.refused : texts.failed);
        } else {
          fail(texts.rfa[result.rfa] ?? texts.rfa.RFA22 ?? texts.failed);
        }
      } catch {
        if (stopped) return;
        // A dropped request is retried; only a lasting failure ends the attempt.
        errors += 1;
        if (errors < 4) timer = setTimeout(tick, 1000);
        else fail(texts.rfa.RFA22 ?? texts.failed);
      }
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [waitingOrder, complete, fail, texts]);

  useEffect(() => {
    if (state.step === "failed") headingRef.current?.focus();
  }, [state.step]);

  const cancel = async () => {
    if (state.step !== "waiting") return;
    sessionStorage.removeItem(STORAGE_KEY);
    setState({ step: "choose" });
    await trpc.auth.bankid.cancel.mutate({ orderId: state.orderId }).catch(() => undefined);
  };

  const buttonPrimary =
    "w-full min-h-12 rounded-lg px-6 py-3 text-lg font-semibold bg-brand-700 text-on-brand hover:bg-brand-800";
  const buttonSecondary =
    "w-full min-h-12 rounded-lg px-6 py-3 text-lg font-semibold border-2 border-brand-700 text-brand-700 hover:bg-brand-50";

  return (
    <div className="space-y-4">
      {state.step === "choose" && (
        <div className="flex flex-col gap-3">
          <button type="button" className={preferSameDevice ? buttonPrimary : buttonSecondary} onClick={() => start(true)}>
            {texts.thisDevice}
          </button>
          <button type="button" className={preferSameDevice ? buttonSecondary : buttonPrimary} onClick={() => start(false)}>
            {texts.otherDevice}
          </button>
        </div>
      )}

      {state.step === "waiting" && (
        <div className="space-y-4">
          {!state.sameDevice && (
            <div className="space-y-3">
              <p>{texts.qrHelp}</p>
              <div
                role="img"
                aria-label={texts.qrLabel}
                data-qr={state.qr ?? ""}
                className="mx-auto w-64 h-64 bg-white p-2 rounded-lg border border-line [&_svg]:w-full [&_svg]:h-full"
                dangerouslySetInnerHTML={state.qrSvg ? { __html: state.qrSvg } : undefined}
              />
            </div>
          )}
          {state.sameDevice && state.autoStartUrl && (
            <a href={state.autoStartUrl} className={`${buttonPrimary} inline-flex items-center justify-center`}>
              {texts.openApp}
            </a>
          )}
          <p role="status" aria-live="polite" className="text-lg">
            {texts.rfa[state.rfa] ?? texts.waiting}
          </p>
          <button type="button" className={buttonSecondary} onClick={cancel}>
            {texts.cancel}
          </button>
        </div>
      )}

      {state.step === "opening-app" && (
        <p role="status" aria-live="polite" className="text-lg">
          {texts.rfa.RFA13}
        </p>
      )}

      {state.step === "signing-in" && (
        <p role="status" aria-live="polite" className="text-lg">
          {texts.signingIn}
        </p>
      )}

      {state.step === "failed" && (
        <div className="space-y-4">
          <p ref={headingRef} tabIndex={-1} role="alert" className="text-lg font-medium">
            {state.message}
          </p>
          <button type="button" className={buttonPrimary} onClick={() => setState({ step: "choose" })}>
            {texts.retry}
          </button>
        </div>
      )}
    </div>
  );
}
