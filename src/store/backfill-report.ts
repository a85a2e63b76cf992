/** What a backfill reports while it runs and when it ends or stops. */

export interface ItemTally {
  issues: number;
  pullRequests: number;
  comments: number;
  reviews: number;
}

export interface BackfillProgress {
  org: string;
  repo: string;
  source: "issues" | "pull requests";
  /** 1-based position of `repo` among `repositories`. */
  repository: number;
  repositories: number;
  requests: number;
  points: number;
  items: ItemTally;
  newEvents: number;
  knownEvents: number;
}

export interface BackfillReport extends Omit<BackfillProgress, "repo" | "source" | "repository"> {
  totalItems: number;
  /** Throughput: items read per GitHub request. */
  itemsPerRequest: number;
  elapsedMs: number;
}

/** The backfill stopped on purpose (quota); what it did so far is saved and a rerun continues. */
export class BackfillStopped extends Error {
  override name = "BackfillStopped";
  constructor(
    message: string,
    readonly report: BackfillReport,
  ) {
    super(message);
  }
}
