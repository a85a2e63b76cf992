/**
 * A small per-repository cache with a TTL and a size bound, sharing concurrent loads: the
 * onboarding gate's status, the roadmap board's ids, the read-ahead's config guesses. Configs
 * themselves are not cached: each delivery reads its repository's afresh (`app/read-ahead.ts`).
 */
import type { ConfigLoadResult } from "./load.js";

export interface ConfigCacheOptions {
  /** Default 5 minutes. */
  ttlMs?: number;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  /** Oldest entries are dropped beyond this; default 1000. */
  maxEntries?: number;
}

interface Entry<T> {
  value: T;
  expiresAt: number;
}

export const DEFAULT_CONFIG_TTL_MS = 5 * 60 * 1000;

/** GitHub owner and repository names are case-insensitive. */
const keyOf = (owner: string, repo: string): string => `${owner}/${repo}`.toLowerCase();

export class ConfigCache<T = ConfigLoadResult> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Loads in progress; an invalidation drops them so their (stale) result is not stored. */
  private readonly loading = new Map<string, Promise<T>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(options: ConfigCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_CONFIG_TTL_MS;
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 1000;
  }

  get(owner: string, repo: string): T | undefined {
    const key = keyOf(owner, repo);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(owner: string, repo: string, value: T): void {
    const key = keyOf(owner, repo);
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /**
   * The cached value, or the result of `load`, stored; concurrent callers for the same repository
   * share one load. A failed load is not stored.
   */
  async getOrLoad(owner: string, repo: string, load: () => Promise<T>): Promise<T> {
    const cached = this.get(owner, repo);
    if (cached !== undefined) return cached;
    const key = keyOf(owner, repo);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = load().then(
      (value) => {
        if (this.loading.get(key) === promise) {
          this.loading.delete(key);
          this.set(owner, repo, value);
        }
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key) === promise) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  /** The repository's own configuration changed. */
  invalidate(owner: string, repo: string): void {
    const key = keyOf(owner, repo);
    this.entries.delete(key);
    this.loading.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
