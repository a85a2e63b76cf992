/**
 * The sequence every digest delivery follows, over the executor: a first reconcile posts the
 * period's digest when there is none (or, when it exists, retires older ones); after a create, a
 * second reconcile lists again, keeps the oldest post of the period (a concurrent run may have
 * posted first) and retires the rest. Two reconciles rather than one because the retirements'
 * notes name the new post: the executor returns what it created, and the second plan uses it.
 */
import type { RepoAction } from "../../actions/action.js";
import type { RepoExecuteOptions, RepoOutcome } from "../../actions/repo-executor.js";
import { type RepoHost, reconcileRepo } from "../../reconcile/repo.js";

/** One delivery target, for posts of type `T` (issues, discussions or comments). */
export interface DeliverySteps<L, T> {
  about: object;
  apply: RepoExecuteOptions;
  load(): Promise<L>;
  /** Pure; `created` is the post this run made, on the second pass. */
  plan(loaded: L, created?: T): { posted: T | null; actions: RepoAction[] };
  /** What a create's outcome made. */
  made(outcome: RepoOutcome): T | undefined;
  same(a: T, b: T): boolean;
}

export interface Delivered<T> {
  outcome: "posted" | "exists" | "dry-run";
  /** The period's post, made now or found; in a dry run, the one found. */
  posted: T | null;
  /** What was (or in a dry run would have been) written. */
  writes: string[];
}

const creates = (action: RepoAction) => action.type === "openIssue" || action.type === "createPost";

export async function deliverOnce<L, T>(
  host: RepoHost,
  steps: DeliverySteps<L, T>,
): Promise<Delivered<T>> {
  const step = (created?: T) => ({
    feature: "digest",
    about: steps.about,
    apply: steps.apply,
    load: () => steps.load(),
    plan: (loaded: L) => steps.plan(loaded, created),
  });
  const first = await reconcileRepo(host, step());
  const writes = [...first.result.writes];
  if (steps.apply.dryRun) return { outcome: "dry-run", posted: first.plan.posted, writes };
  const at = first.plan.actions.findIndex(creates);
  if (at < 0) return { outcome: "exists", posted: first.plan.posted, writes };
  const outcome = first.result.outcomes[at];
  const created = outcome && steps.made(outcome);
  if (created === undefined) {
    throw new Error(`the digest was not posted: ${first.result.failures.join("; ")}`);
  }
  const second = await reconcileRepo(host, step(created));
  writes.push(...second.result.writes);
  // GitHub's list can lag a moment behind a create; then our post is the one to keep.
  const posted = second.plan.posted ?? created;
  // A concurrent run that posted first keeps its post, and ours is retired as a copy.
  return { outcome: steps.same(posted, created) ? "posted" : "exists", posted, writes };
}
