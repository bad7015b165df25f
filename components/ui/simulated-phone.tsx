"use client";

import { useCallback, useEffect, useState } from "react";

interface SimOrder {
  orderRef: string;
  kind: "auth" | "sign";
  status: string;
  hintCode: string;
  createdAt: string;
  userVisibleText: string | null;
  requiredPersonalNumber: string | null;
  returnUrl: string | null;
}

export interface DemoPerson {
  personalNumber: string;
  name: string;
}

export interface SimulatedPhoneTexts {
  title: string;
  lead: string;
  none: string;
  refresh: string;
  scanLabel: string;
  scan: string;
  orderAuth: string;
  orderSign: string;
  shows: string;
  choose: string;
  other: string;
  otherHint: string;
  identify: string;
  sign: string;
  cancel: string;
  done: string;
  cancelled: string;
  invalid: string;
  notFound: string;
  back: string;
}

/**
 * The simulated BankID app: open a pending order (by autostart link, by pasting QR content or from
 * the list), read what it asks you to sign, choose who you are, then identify, sign or cancel.
 */
export function SimulatedPhone({ people, texts, autoStartToken }: { people: DemoPerson[]; texts: SimulatedPhoneTexts; autoStartToken?: string }) {
  const [orders, setOrders] = useState<SimOrder[]>([]);
  const [current, setCurrent] = useState<SimOrder | null>(null);
  const [person, setPerson] = useState(people[0]?.personalNumber ?? "");
  const [other, setOther] = useState("");
  const [qr, setQr] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await fetch("/api/sim/bankid/control/orders");
    if (res.ok) setOrders(((await res.json()) as { orders: SimOrder[] }).orders);
  }, []);

  const open = useCallback(
    async (body: Record<string, string>) => {
      const res = await fetch("/api/sim/bankid/control/find", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) {
        setMessage(texts.notFound);
        return;
      }
      setMessage(null);
      setCurrent((await res.json()) as SimOrder);
    },
    [texts.notFound],
  );

  useEffect(() => {
    if (autoStartToken) void open({ autoStartToken });
    else void load();
  }, [autoStartToken, load, open]);

  const act = async (action: "identify" | "cancel") => {
    if (!current) return;
    const chosen = other.replace(/\D/g, "") || person;
    const known = people.find((p) => p.personalNumber === chosen);
    const res = await fetch(`/api/sim/bankid/control/orders/${current.orderRef}/${action}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(action === "identify" ? { personalNumber: chosen, ...(known ? { name: known.name } : {}) } : {}),
    });
    if (!res.ok) {
      setMessage(texts.invalid);
      return;
    }
    setMessage(action === "identify" ? texts.done : texts.cancelled);
    const returnUrl = current.returnUrl;
    setCurrent(null);
    if (autoStartToken && returnUrl) window.location.href = returnUrl;
    else void load();
  };

  return (
    <div className="mx-auto max-w-sm space-y-5 rounded-3xl border-4 border-ink p-5">
      <h1 className="text-2xl font-bold">{texts.title}</h1>
      <p>{texts.lead}</p>
      {message && (
        <p role="status" className="rounded-lg bg-brand-50 p-3 font-medium">
          {message}
        </p>
      )}
      {!current && (
        <>
          <form
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              void open({ qrContent: qr.trim() });
            }}
          >
            <label htmlFor="qr" className="block font-semibold">
              {texts.scanLabel}
            </label>
            <input id="qr" value={qr} onChange={(e) => setQr(e.target.value)} className="block w-full min-h-11 rounded-md border-2 border-ink px-2" />
            <button type="submit" className="min-h-11 rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-700">
              {texts.scan}
            </button>
          </form>
          <div className="space-y-2">
            <div className="flex items-center justify-between">
              <h2 className="text-lg font-semibold">{texts.orderAuth}</h2>
              <button type="button" onClick={() => void load()} className="min-h-11 px-3 text-brand-700 underline">
                {texts.refresh}
              </button>
            </div>
            {orders.length === 0 && <p>{texts.none}</p>}
            <ul className="space-y-2">
              {orders.map((o) => (
                <li key={o.orderRef}>
                  <button
                    type="button"
                    onClick={() => setCurrent(o)}
                    className="w-full min-h-11 rounded-lg border border-line p-3 text-left hover:bg-brand-50"
                  >
                    {o.kind === "sign" ? texts.orderSign : texts.orderAuth} · {new Date(o.createdAt).toLocaleTimeString("sv-SE")}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {current && (
        <div className="space-y-4">
          <h2 className="text-lg font-semibold">{current.kind === "sign" ? texts.orderSign : texts.orderAuth}</h2>
          {current.userVisibleText && (
            <div className="space-y-1">
              <p className="text-sm text-muted">{texts.shows}</p>
              <pre className="whitespace-pre-wrap rounded-lg bg-brand-50 p-3 font-sans" data-testid="user-visible-data">
                {current.userVisibleText}
              </pre>
            </div>
          )}
          <fieldset className="space-y-2">
            <legend className="font-semibold">{texts.choose}</legend>
            {people.map((p) => (
              <label key={p.personalNumber} className="flex min-h-11 items-center gap-3">
                <input type="radio" name="person" value={p.personalNumber} checked={person === p.personalNumber && !other} onChange={() => { setPerson(p.personalNumber); setOther(""); }} className="h-5 w-5" />
                {p.name} ({p.personalNumber.slice(0, 8)}-{p.personalNumber.slice(8)})
              </label>
            ))}
          </fieldset>
          <div className="space-y-1">
            <label htmlFor="other" className="block font-semibold">
              {texts.other}
            </label>
            <p id="other-hint" className="text-sm text-muted">
              {texts.otherHint}
            </p>
            <input id="other" aria-describedby="other-hint" inputMode="numeric" value={other} onChange={(e) => setOther(e.target.value)} className="block w-full min-h-11 rounded-md border-2 border-ink px-2" />
          </div>
          <div className="flex flex-col gap-3">
            <button type="button" onClick={() => void act("identify")} className="min-h-12 rounded-lg bg-brand-700 px-6 text-lg font-semibold text-on-brand">
              {current.kind === "sign" ? texts.sign : texts.identify}
            </button>
            <button type="button" onClick={() => void act("cancel")} className="min-h-12 rounded-lg border-2 border-brand-700 px-6 text-lg font-semibold text-brand-700">
              {texts.cancel}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
