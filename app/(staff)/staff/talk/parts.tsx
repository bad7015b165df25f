import Link from "next/link";

export const staffLink = "inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4";
export const staffButton = "inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-700 px-4 font-semibold text-on-brand";
export const staffSecondary = "inline-flex min-h-11 items-center justify-center rounded-lg border-2 border-brand-700 px-4 font-semibold text-brand-700";
export const staffField = "mt-1 block w-full rounded-md border-2 border-ink px-3 py-2 text-base";

export function Back({ href, label }: { href: string; label: string }) {
  return (
    <nav>
      <Link href={href} className={staffLink}>
        ← {label}
      </Link>
    </nav>
  );
}

export function Notice({ done, error }: { done?: string | null; error?: string | null }) {
  return (
    <>
      {done && (
        <p role="status" className="rounded-lg border-2 border-brand-700 p-3 font-semibold">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="rounded-lg border-4 border-error p-3 font-semibold">
          {error}
        </p>
      )}
    </>
  );
}

export const stockholmDateTime = (at: Date) =>
  new Intl.DateTimeFormat("sv-SE", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" }).format(at);
