/**
 * When to wait and retry after GitHub's rate limits. Probot retries every limit, however long;
 * a webhook handler should not sleep for an hour, and secondary limits want a few spaced tries.
 */
export interface RetryDecision {
  retry: boolean;
  why: string;
}

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
  const limits = RETRY_LIMITS[kind];
  if (retryCount >= limits.maxRetries)
    return { retry: false, why: `gave up after ${retryCount} retries` };
  if (retryAfterSeconds > limits.maxWaitSeconds) {
    return {
      retry: false,
      why: `GitHub asks to wait ${retryAfterSeconds}s, more than ${limits.maxWaitSeconds}s`,
    };
  }
  return {
    retry: true,
    why: `retrying in ${retryAfterSeconds}s (try ${retryCount + 1} of ${limits.maxRetries})`,
  };
}
