/**
 * GOV.UK's error summary: at the top, announced, with a link to each field that needs attention.
 * It takes focus when the page shows it (public/enhance.js).
 */
export function ErrorSummary({ title, errors }: { title: string; errors: { href: string; text: string }[] }) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" aria-labelledby="error-summary-title" tabIndex={-1} id="error-summary" className="space-y-2 rounded-lg border-4 border-error p-4 focus:outline-none focus-visible:ring-4">
      <h2 id="error-summary-title" className="text-lg font-bold">
        {title}
      </h2>
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={e.href}>
            <a href={e.href} className="font-semibold text-error underline underline-offset-4">
              {e.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A field's own error line, read before the field by screen readers. */
export function FieldError({ id, prefix, text }: { id: string; prefix: string; text?: string | null }) {
  if (!text) return null;
  return (
    <p id={id} className="font-semibold text-error">
      <span className="sr-only">{prefix}</span>
      {text}
    </p>
  );
}
