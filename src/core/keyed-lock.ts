/**
 * Serialises work per key (one issue) inside this process, so two deliveries for the same issue
 * never load the same state and both write. Keys are dropped once idle, so memory stays flat.
 * With `across`, the work also holds a lock shared by every instance (a PostgreSQL advisory lock,
 * `scheduler/pg-lock.ts`), taken once this process's turn came, so a process waits on another
 * with at most one session per key.
 */
export type AcrossInstances = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export class KeyedLock {
  private readonly tails = new Map<string, Promise<void>>();

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
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  get size(): number {
    return this.tails.size;
  }
}
