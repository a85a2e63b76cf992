/** Job locks: at most one instance runs a job for a key at a time; the loser skips, never waits. */

export interface JobLock {
  /**
   * Runs `work` if the lock for `key` could be taken now, and releases it afterwards.
   * Returns `{ ran: false }` when another holder has it.
   */
  tryRun<T>(key: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
}

/** For a single instance: guards only against overlapping runs inside this process. */
export class InProcessLock implements JobLock {
  private readonly held = new Set<string>();

  async tryRun<T>(
    key: string,
    work: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.held.has(key)) return { ran: false };
    this.held.add(key);
    try {
      return { ran: true, value: await work() };
    } finally {
      this.held.delete(key);
    }
  }
}
