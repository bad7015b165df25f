/**
 * Copies a value (bankgiro, OCR) to the clipboard and says so to screen readers. The behaviour is
 * in public/enhance.js, so the button works on pages that load no React; without JavaScript it is
 * invisible and the value is there to copy by hand.
 */
export function CopyButton({ value, label, copiedLabel }: { value: string; label: string; copiedLabel: string }) {
  return (
    <button
      type="button"
      data-copy={value}
      data-copied={copiedLabel}
      className="copy-button min-h-11 min-w-11 rounded-md border-2 border-brand-700 px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50"
    >
      <span aria-live="polite" data-copy-label>
        {label}
      </span>
    </button>
  );
}
