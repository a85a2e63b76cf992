/**
 * A bounded ranking: keeps the best `limit` items seen and counts all of them, so a digest over
 * 50,000 issues holds a few dozen lines per section, never the issues themselves.
 */
export class TopList<T> {
  private readonly items: T[] = [];
  private seen = 0;

  /** `before(a, b)` is true when `a` ranks ahead of `b`. */
  constructor(
    private readonly limit: number,
    private readonly before: (a: T, b: T) => boolean,
  ) {}

  add(item: T): void {
    this.seen += 1;
    const full = this.items.length >= this.limit;
    const last = this.items.at(-1);
    if (full && last !== undefined && !this.before(item, last)) return;
    // Insertion keeps it sorted; limits are small, so a linear scan beats a heap here.
    let index = this.items.length;
    while (index > 0 && this.before(item, this.items[index - 1] as T)) index -= 1;
    this.items.splice(index, 0, item);
    if (this.items.length > this.limit) this.items.pop();
  }

  /** The kept items, best first, and how many more were seen. */
  result(): { items: T[]; total: number; more: number } {
    return { items: [...this.items], total: this.seen, more: this.seen - this.items.length };
  }
}

export type Ranked<T> = ReturnType<TopList<T>["result"]>;
