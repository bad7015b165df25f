"use client";

import { useState } from "react";

/** Copies a value (bankgiro, OCR) to the clipboard and says so to screen readers. */
export function CopyButton({ value, label, copiedLabel }: { value: string; label: string; copiedLabel: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="min-h-11 min-w-11 rounded-md border-2 border-brand-700 px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50"
      onClick={async () => {
        await navigator.clipboard?.writeText(value).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      <span aria-live="polite">{copied ? copiedLabel : label}</span>
    </button>
  );
}
