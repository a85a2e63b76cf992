/**
 * The one rule for waiting out an outside system's rate limit: retry only a few times, and only
 * when the wait it asks for is short, so a webhook handler never sleeps for minutes.
 */
export interface RetryLimits {
  maxRetries: number;
  maxWaitSeconds: number;
}

export interface RetryDecision {
  retry: boolean;
  why: string;
}

/** `system` names who asked to wait, for the log line ("GitHub", "the forum"). */
export function boundedRetry(
  system: string,
  limits: RetryLimits,
  retryAfterSeconds: number,
  retryCount: number,
): RetryDecision {
  if (retryCount >= limits.maxRetries)
    return { retry: false, why: `gave up after ${retryCount} retries` };
  if (retryAfterSeconds > limits.maxWaitSeconds) {
    return {
      retry: false,
      why: `${system} asks to wait ${retryAfterSeconds}s, more than ${limits.maxWaitSeconds}s`,
    };
  }
  return {
    retry: true,
    why: `retrying in ${retryAfterSeconds}s (try ${retryCount + 1} of ${limits.maxRetries})`,
  };
}
