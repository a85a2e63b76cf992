/**
 * The typed Discourse client (openapi-fetch over types generated from Discourse's published
 * OpenAPI description) and the one way to send a request through it: counted, with Discourse's
 * 429 + Retry-After waited out a bounded number of times, and failures as ForumErrors.
 */
import createClient, { type Client } from "openapi-fetch";
import { kindOfStatus } from "../core/outside-error.js";
import { boundedRetry, type RetryLimits } from "../core/retry.js";
import type { paths } from "./discourse-openapi.js";
import { ForumError } from "./port.js";

/** Discourse limits an admin key to 60 requests a minute: a short wait is worth it, a long one is not. */
const FORUM_RETRY_LIMITS: RetryLimits = { maxRetries: 2, maxWaitSeconds: 30 };

/** When a 429 names no wait. */
const DEFAULT_WAIT_SECONDS = 5;
const TIMEOUT_MS = 15_000;

export interface DiscourseCredentials {
  apiKey: string;
  apiUsername: string;
}

export interface DiscourseClientOptions {
  /** The forum's address, e.g. `https://forum.communityhealthtoolkit.org` (a subfolder is fine). */
  baseUrl: string;
  credentials: DiscourseCredentials;
  /** Called before every HTTP request, retries included, with the port method it serves. */
  onRequest?: (kind: string) => void;
  /** Told when a rate limit is waited out or given up on. */
  onRateLimit?: (why: string) => void;
  /** Tests pass a clock that does not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export interface Sender {
  client: Client<paths>;
  /** The headers Discourse's description declares as parameters on some operations. */
  auth: { "Api-Key": string; "Api-Username": string };
  count(kind: string): void;
  rateLimited(why: string): void;
  sleep(ms: number): Promise<void>;
}

export function createSender(options: DiscourseClientOptions): Sender {
  const auth = {
    "Api-Key": options.credentials.apiKey,
    "Api-Username": options.credentials.apiUsername,
  };
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers: { ...auth, Accept: "application/json" },
    // A fresh timeout per request; the global fetch is looked up at call time.
    fetch: (request) => fetch(request, { signal: AbortSignal.timeout(TIMEOUT_MS) }),
  });
  return {
    client,
    auth,
    count: (kind) => options.onRequest?.(kind),
    rateLimited: (why) => options.onRateLimit?.(why),
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

/** What every openapi-fetch call resolves to, whatever the operation. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Seconds from a `Retry-After` header (seconds or an HTTP date) or Discourse's error body. */
function retryAfterSeconds(response: Response, body: unknown, now = Date.now()): number {
  const header = response.headers.get("retry-after");
  if (header !== null && /^\d+$/.test(header.trim())) return Number(header.trim());
  if (header !== null) {
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const extras = (body as { extras?: { wait_seconds?: unknown } } | null)?.extras;
  return typeof extras?.wait_seconds === "number" ? extras.wait_seconds : DEFAULT_WAIT_SECONDS;
}

/** Discourse's own words for a failure (`{"errors": ["…"]}`), for logs and the card. */
function describeFailure(body: unknown, response: Response): string {
  const errors = (body as { errors?: unknown } | null)?.errors;
  if (Array.isArray(errors) && errors.every((e) => typeof e === "string") && errors.length > 0)
    return errors.join("; ");
  return `HTTP ${response.status}`;
}

/**
 * One counted request, repeated after a short 429 wait. A status below 400 (a 301 included) is
 * an answer; anything else throws a ForumError naming `kind`.
 */
export async function send<T>(
  sender: Sender,
  kind: string,
  call: (client: Client<paths>) => Promise<FetchResult<T>>,
): Promise<{ data: T | undefined; response: Response }> {
  for (let retries = 0; ; retries++) {
    sender.count(kind);
    let result: FetchResult<T>;
    try {
      result = await call(sender.client);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ForumError(`${kind}: the forum did not answer (${reason})`, "unavailable");
    }
    const { response } = result;
    if (response.status < 400) return { data: result.data, response };
    if (response.status === 429) {
      const wait = retryAfterSeconds(response, result.error);
      const decision = boundedRetry("the forum", FORUM_RETRY_LIMITS, wait, retries);
      sender.rateLimited(`${kind}: rate-limited, ${decision.why}`);
      if (decision.retry) {
        await sender.sleep(wait * 1000);
        continue;
      }
    }
    throw new ForumError(
      `${kind}: ${describeFailure(result.error, response)}`,
      kindOfStatus(response.status),
      response.status,
    );
  }
}

/** For reads where "not there" is an answer rather than a failure. */
export async function unlessNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ForumError && error.kind === "not-found") return null;
    throw error;
  }
}
