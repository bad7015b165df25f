import Link from "next/link";
import { ErrorSummary } from "@/components/form/error-summary";

/** The frame of each plan question: back link, step, error summary, one heading. */
export function StepFrame({
  back,
  backLabel,
  step,
  heading,
  errorTitle,
  errors,
  children,
}: {
  back: string;
  backLabel: string;
  step?: string;
  heading: string;
  errorTitle: string;
  errors: { href: string; text: string }[];
  children: React.ReactNode;
}) {
  return (
    <article className="space-y-6">
      <nav>
        <Link href={back} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
          ← {backLabel}
        </Link>
      </nav>
      <ErrorSummary title={errorTitle} errors={errors} />
      <header className="space-y-1">
        {step && <p className="text-muted">{step}</p>}
        <h1 className="text-3xl font-bold leading-tight">{heading}</h1>
      </header>
      {children}
    </article>
  );
}

export const optionClass = "flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border border-line p-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50";
export const radioClass = "mt-0.5 h-6 w-6 shrink-0 accent-brand-700";
export const primaryButton = "inline-flex min-h-12 w-full items-center justify-center rounded-lg bg-brand-700 px-6 py-3 text-lg font-semibold text-on-brand hover:bg-brand-800 sm:w-auto";
export const inputClass = (invalid: boolean) => `mt-1 block min-h-12 w-40 rounded-md border-2 px-3 text-lg tabular ${invalid ? "border-error" : "border-ink"}`;

/** Carries earlier answers through a GET form. */
export function Carry({ params, except }: { params: Record<string, string | undefined>; except: string[] }) {
  return (
    <>
      {Object.entries(params)
        .filter(([key, value]) => value && !except.includes(key) && key !== "submit")
        .map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
    </>
  );
}
