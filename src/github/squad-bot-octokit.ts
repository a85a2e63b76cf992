/** Probot's Octokit with squad-bot's retry, timeout and rate-limit policy (see retry-policy.ts). */
import { ProbotOctokit } from "probot";
import { rateLimitRetry } from "./retry-policy.js";
import {
  NO_WRITE_QUEUE,
  type RequestOptions,
  sendsMutation,
  type ThrottleSettings,
  type WriteQueue,
  writeTurn,
} from "./write-spacing.js";

type ThrottleOptions = { method?: string; url?: string };
type LoggingOctokit = { log: { warn(message: string): void } };
type Fetch = typeof globalThis.fetch;
/** The bare Octokit a plugin receives (`@octokit/core` is not our direct dependency). */
type PluginOctokit = Parameters<Parameters<typeof ProbotOctokit.plugin>[0]>[0];

/**
 * One attempt's limit. Node's fetch waits up to 5 minutes for headers; GitHub itself gives up on
 * a GraphQL query after 10 s, so a request still silent after 20 s is treated as failed (and a
 * read is retried) rather than holding the delivery and its per-issue lock for minutes.
 */
const REQUEST_TIMEOUT_MS = 20_000;

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

/**
 * Whether a failed request may be sent again as is. A 5xx or a timeout does not say whether
 * GitHub applied a write: sending `addComment` again would post the notice twice. So a GraphQL
 * mutation and a REST POST (creating an issue, a check run) are never retried here; the
 * delivery fails instead, and its redelivery re-reads the issue and writes only what is missing.
 * Reads (GET, GraphQL queries) and PUT/PATCH/DELETE (idempotent in HTTP) are retried.
 */
export function mayRetry(options: RequestOptions): boolean {
  if ((options.method ?? "GET").toUpperCase() !== "POST") return true;
  if (options.url !== "/graphql") return false;
  // A false match costs a read its retry, a missed one a duplicate.
  return !sendsMutation(options.query);
}

/** An Octokit plugin: gives the requests `mayRetry` refuses `retries: 0`, which plugin-retry reads. */
function noRetryForWrites(octokit: PluginOctokit): void {
  octokit.hook.before("request", (options) => {
    if (!mayRetry(options))
      options.request = { ...options.request, retries: 0 } as typeof options.request;
  });
}

/** An Octokit plugin: writes wait for their turn (see write-spacing.ts); reads go at once. */
function spaceContentWrites(queue?: WriteQueue) {
  return (octokit: PluginOctokit, options: object): void => {
    const { throttle } = options as { throttle?: ThrottleSettings };
    const turn = writeTurn(throttle ?? {}, queue);
    if (!turn) return;
    octokit.hook.wrap("request", async (request, requestOptions) => {
      await turn(requestOptions);
      return request(requestOptions);
    });
  };
}

/** Aborts an attempt after `ms`; Octokit reports it as a RequestError with status 500. */
function withTimeout(fetch: Fetch, ms: number): Fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

export interface SquadBotOctokitOptions {
  /** Per attempt; tests shorten it. */
  timeoutMs?: number;
  /** Where writes wait for their turn; tests observe it. */
  writeQueue?: WriteQueue;
}

type InstanceOptions = {
  throttle?: object;
  retry?: object;
  request?: { fetch?: Fetch };
};

export function createSquadBotOctokit(options: SquadBotOctokitOptions = {}) {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // Resolved per call, so an interceptor installed after start-up (nock in tests) still applies.
  const globalFetch: Fetch = (input, init) => globalThis.fetch(input, init);
  const plugins = [noRetryForWrites, spaceContentWrites(options.writeQueue)] as const;
  return ProbotOctokit.plugin(...plugins).defaults((instance: InstanceOptions) => ({
    ...instance,
    // plugin-retry's defaults (3 retries of 5xx and network errors, waits of 1, 4 and 9 s;
    // never 400/401/403/404/410/422/451) are kept for the requests `mayRetry` allows.
    request: {
      ...instance.request,
      fetch: withTimeout(instance.request?.fetch ?? globalFetch, timeoutMs),
    },
    throttle: {
      ...instance.throttle,
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      // Writes are spaced by `spaceContentWrites`, which lets reads through at once.
      write: NO_WRITE_QUEUE,
    },
  }));
}

export const SquadBotOctokit = createSquadBotOctokit();
