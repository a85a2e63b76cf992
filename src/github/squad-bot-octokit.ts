/** Probot's Octokit with squad-bot's rate-limit policy (see retry-policy.ts). */
import { ProbotOctokit } from "probot";
import { rateLimitRetry } from "./retry-policy.js";

type ThrottleOptions = { method?: string; url?: string };
type LoggingOctokit = { log: { warn(message: string): void } };

function onLimit(kind: "primary" | "secondary") {
  return (
    retryAfter: number,
    options: ThrottleOptions,
    octokit: LoggingOctokit,
    retryCount: number,
  ) => {
    const decision = rateLimitRetry(kind, retryAfter, retryCount);
    octokit.log.warn(
      `GitHub ${kind} rate limit on ${options.method} ${options.url}: ${decision.why}`,
    );
    return decision.retry;
  };
}

export const SquadBotOctokit = ProbotOctokit.defaults((instance: { throttle?: object }) => ({
  ...instance,
  throttle: {
    ...instance.throttle,
    onRateLimit: onLimit("primary"),
    onSecondaryRateLimit: onLimit("secondary"),
  },
}));
