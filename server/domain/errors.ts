/** A rule was broken. `code` is stable and maps to a message the person can act on. */
export class DomainError extends Error {
  constructor(
    public readonly code: string,
    message?: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.name = "DomainError";
  }
}
