/** What just happened (role=status) or what went wrong (role=alert), at the top of a staff page. */
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
