/**
 * A message a provider did not take. `permanent`: it never will (not a Kivra user, an
 * undeliverable number, a bounced address), so the sender tries the person's next channel;
 * otherwise (a timeout, 429, 5xx) the same channel is tried again later.
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    public readonly permanent: boolean,
    public readonly code: string,
  ) {
    super(message);
    this.name = "ChannelError";
  }
}

/** Whether an HTTP status means "try again later". */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
