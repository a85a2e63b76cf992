/**
 * What GitHub last said about each installation's rate limit, from the response headers of every
 * request the process sends for it, webhooks and scheduled jobs alike. The budget is shared: a
 * job that finds it nearly spent yields, so people's events still get their answer.
 */

/** Below this share of the hourly limit, scheduled work waits for its next run. */
const YIELD_BELOW = 0.1;

type Headers = Record<string, string | number | undefined>;

export class RateBudget {
  private readonly left = new Map<string, { remaining: number; limit: number }>();

  constructor(
    private readonly onSeen: (
      installation: string,
      resource: string,
      remaining: number,
    ) => void = () => {},
  ) {}

  /** Records one response's rate-limit headers for `installation`. */
  seen(installation: string, headers: Headers): void {
    const remaining = Number(headers["x-ratelimit-remaining"]);
    const limit = Number(headers["x-ratelimit-limit"]);
    if (!Number.isFinite(remaining)) return;
    const resource = String(headers["x-ratelimit-resource"] ?? "core");
    this.left.set(`${installation}:${resource}`, {
      remaining,
      limit: Number.isFinite(limit) && limit > 0 ? limit : remaining,
    });
    this.onSeen(installation, resource, remaining);
  }

  /** True when a resource of the installation was last seen below a tenth of its limit. */
  nearLimit(installation: string): boolean {
    for (const [key, { remaining, limit }] of this.left) {
      if (key.startsWith(`${installation}:`) && limit > 0 && remaining < limit * YIELD_BELOW) {
        return true;
      }
    }
    return false;
  }
}
