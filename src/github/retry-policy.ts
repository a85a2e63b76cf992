/**
 * When to wait and retry after GitHub's rate limits. Probot retries every limit, however long;
 * a webhook handler should not sleep for an hour, and secondary limits want a few spaced tries.
 */
import { boundedRetry, type RetryDecision } from "../core/retry.js";

export const RETRY_LIMITS = {
  /** Primary limit: the hourly budget is spent; wait only if it resets very soon. */
  primary: { maxRetries: 1, maxWaitSeconds: 60 },
  /** Secondary limit: too many requests too fast; GitHub asks to back off briefly. */
  secondary: { maxRetries: 3, maxWaitSeconds: 120 },
} as const;

export function rateLimitRetry(
  kind: keyof typeof RETRY_LIMITS,
  retryAfterSeconds: number,
  retryCount: number,
): RetryDecision {
  return boundedRetry("GitHub", RETRY_LIMITS[kind], retryAfterSeconds, retryCount);
}
