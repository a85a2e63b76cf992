/**
 * Failures of the outside systems beside GitHub (the forum, chat), in the words callers decide
 * on: is it gone, refused, rate-limited, or is the system down for now.
 */
export type OutsideErrorKind =
  | "not-found"
  | "forbidden"
  | "rate-limited"
  | "server"
  | "validation"
  /** No answer at all: network failure or time-out. */
  | "unavailable"
  | "unknown";

export class OutsideError extends Error {
  constructor(
    message: string,
    readonly kind: OutsideErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = "OutsideError";
  }
}

/** The system is down or saturated: the next call in the same run would fail the same way. */
export function isOutage(kind: OutsideErrorKind): boolean {
  return kind === "server" || kind === "unavailable" || kind === "rate-limited";
}

/** What an HTTP error status says. */
export function kindOfStatus(status: number): OutsideErrorKind {
  if (status === 404 || status === 410) return "not-found";
  if (status === 401 || status === 403) return "forbidden";
  if (status === 429) return "rate-limited";
  if (status === 400 || status === 422) return "validation";
  if (status >= 500) return "server";
  return "unknown";
}
