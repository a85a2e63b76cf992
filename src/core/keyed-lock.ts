/**
 * Serialises work per key (one issue) inside this process, so two deliveries for the same issue
 * never load the same state and both write. Keys are dropped once idle, so memory stays flat
 * (but for a bounded tally of when each key's last run ended).
 * With `across`, the work also holds a lock shared by every instance (a PostgreSQL advisory lock,
 * `scheduler/pg-lock.ts`), taken once this process's turn came, so a process waits on another
 * with at most one session per key.
 */
export type AcrossInstances = <T>(key: string, work: () => Promise<T>) => Promise<T>;

/** How many keys' last run is remembered: a forgotten one only costs a read again. */
const STAMPS = 10_000;

export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();
  /** How many runs of each key ended; the least recently used are forgotten past STAMPS. */
  private readonly ended = new Map<string, number>();

  constructor(private readonly across?: AcrossInstances) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    await previous;
    try {
      return await (this.across ? this.across(key, work) : work());
    } finally {
      const runs = (this.ended.get(key) ?? 0) + 1;
      this.ended.delete(key);
      this.ended.set(key, runs);
      for (const oldest of this.ended.keys()) {
        if (this.ended.size <= STAMPS) break;
        this.ended.delete(oldest);
      }
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /**
   * For a read made outside the lock and used inside it: null while a run of `key` is under way
   * or waiting (the state may be changing), or when instances share the work, else a stamp that
   * `lastRun` keeps until a run ends.
   */
  stamp(key: string): string | null {
    // Another instance may write between a read made here and this process's turn: across
    // instances, a read made outside the lock is never used inside it.
    if (this.across) return null;
    return this.tails.has(key) ? null : this.lastRun(key);
  }

  /** Changes whenever a run of `key` ends; `ahead` runs later, inside a run: once it ended. */
  lastRun(key: string, ahead = 0): string {
    return String((this.ended.get(key) ?? 0) + ahead);
  }

  get size(): number {
    return this.tails.size;
  }
}
