/**
 * GitHub's secondary limits ask that content-creating requests be sent one at a time, about a
 * second apart, per installation; reads need no spacing. plugin-throttling puts every GraphQL
 * request, queries included, in its write queue, so each read waited up to a second behind the
 * others and a burst of deliveries ran at one request a second. This plugin takes the spacing over
 * and applies it to writes only: REST methods other than GET and HEAD, and GraphQL mutations.
 */
import Bottleneck from "bottleneck";

/** What both the retry rule and the write spacing read of a request. */
export interface RequestOptions {
  method?: string;
  url?: string;
  query?: unknown;
}

/**
 * Whether a GraphQL request's document holds a mutation, judged by the word anywhere in it: a
 * document that is not text counts as one, the safe side for both callers.
 */
export function sendsMutation(query: unknown): boolean {
  return typeof query !== "string" || /\bmutation\b/.test(query);
}

/** Token requests are the auth layer's, and plugin-throttling spaces none of them either. */
const AUTH_PATH = /^\/(app\/installations\/[^/]+\/access_tokens|applications\/|login\/oauth\/)/;

export function isContentWrite(options: RequestOptions): boolean {
  const method = (options.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD") return false;
  const path = new URL(options.url ?? "/", "http://github.test").pathname;
  if (AUTH_PATH.test(path)) return false;
  if (path !== "/graphql") return true;
  // A false match only spaces a read.
  return sendsMutation(options.query);
}

/** What the plugin waits on before a write; one key per installation. */
export interface WriteQueue {
  key(id: string): { schedule(job: () => Promise<void>): Promise<void> };
}

/** Stands in for plugin-throttling's own write queue, which would hold reads as well. */
export const NO_WRITE_QUEUE = {
  key: () => ({
    schedule: (_options: unknown, job: () => Promise<unknown>) => job(),
  }),
};

const SPACING = { maxConcurrent: 1, minTime: 1_000 } as const;
const localQueue = new Bottleneck.Group({ id: "squad-bot-write", ...SPACING });
const sharedQueues = new WeakMap<object, Bottleneck.Group>();

/**
 * With Probot's Redis connection (REDIS_URL) every instance spaces its writes through Redis, so
 * the spacing holds for the installation across instances; without it, within this process.
 */
function writeQueueFor(throttle: ThrottleSettings): WriteQueue {
  const { connection } = throttle;
  if (!connection) return localQueue;
  let queue = sharedQueues.get(connection);
  if (!queue) {
    queue = new Bottleneck.Group({
      id: "squad-bot-write",
      ...SPACING,
      connection: connection as Bottleneck.IORedisConnection,
      timeout: throttle.timeout ?? 120_000,
    });
    sharedQueues.set(connection, queue);
  }
  return queue;
}

export interface ThrottleSettings {
  enabled?: boolean;
  id?: string;
  connection?: object;
  timeout?: number;
}

const noop = () => Promise.resolve();

/**
 * What to wait for before sending a request: a write's turn in the installation's queue, or
 * nothing. Null when throttling is off (tests). `queue` replaces the real one in tests.
 */
export function writeTurn(
  throttle: ThrottleSettings,
  queue?: WriteQueue,
): ((options: RequestOptions) => Promise<void>) | null {
  if (throttle.enabled === false) return null;
  const writes = queue ?? writeQueueFor(throttle);
  const id = throttle.id ?? "no-id";
  return async (options) => {
    if (isContentWrite(options)) await writes.key(id).schedule(noop);
  };
}
