import Link from "next/link";

const styles = {
  primary:
    "bg-brand-700 text-on-brand hover:bg-brand-800 border-2 border-transparent",
  secondary: "bg-transparent text-brand-700 border-2 border-brand-700 hover:bg-brand-50",
};

/** The primary action on a page: one wide button at the bottom of the content. */
export function ButtonLink({
  href,
  children,
  variant = "primary",
}: {
  href: string;
  children: React.ReactNode;
  variant?: keyof typeof styles;
}) {
  return (
    <Link
      href={href}
      className={`${styles[variant]} inline-flex w-full sm:w-auto min-h-12 items-center justify-center rounded-lg px-6 py-3 text-lg font-semibold no-underline`}
    >
      {children}
    </Link>
  );
}
