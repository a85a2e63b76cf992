/** The thin runner of a digest: collect, render, plan delivery, and apply it through the port. */
export type { DigestRunInput, DigestRunResult } from "./run-types.js";

import type { RepoRef } from "../../github/types.js";
import { collectWeekly } from "./collect.js";
import { renderCommunityDigest } from "./community.js";
import { digestIssue, planDelivery } from "./delivery.js";
import { type Period, reportedPeriod } from "./period.js";
import { toPlainText } from "./plain-text.js";
import { deliverPost } from "./post-delivery.js";
import type { DigestRunInput, DigestRunResult } from "./run-types.js";
import type { DigestReadStats } from "./source.js";
import { type RenderedDigest, renderWeeklyDigest } from "./weekly.js";

export function parseRepo(name: string): RepoRef {
  const [owner = "", repo = ""] = name.split("/");
  return { owner, repo };
}

async function render(
  input: DigestRunInput,
  period: Period,
  repos: RepoRef[],
): Promise<{ rendered: RenderedDigest; reads: DigestReadStats | null }> {
  if (input.kind === "weekly") {
    const settings = input.digests.weekly;
    const data = await collectWeekly(input.source, repos, {
      config: input.config,
      settings,
      period,
      now: input.now,
    });
    return {
      rendered: renderWeeklyDigest({ data, config: input.config, settings }),
      reads: data.reads,
    };
  }
  if (!input.community) {
    throw new Error(
      "the monthly community digest needs the contributor store, which is not configured",
    );
  }
  const data = await input.community.load(period, repos);
  return { rendered: renderCommunityDigest(data, input.digests.monthly), reads: null };
}

/**
 * One digest for one period, however often it runs: at most one list, one create, one list after
 * creating (to notice a concurrent run) and one batched mutation.
 */
export async function runDigest(input: DigestRunInput): Promise<DigestRunResult> {
  const settings = input.digests[input.kind];
  const period = input.period ?? reportedPeriod(input.kind, input.now, settings.timezone);
  const repos = settings.repos.length > 0 ? settings.repos.map(parseRepo) : [input.home];
  const target = input.digests.postTo ? parseRepo(input.digests.postTo) : input.home;
  const { rendered, reads } = await render(input, period, repos);
  const base = { period, rendered, text: toPlainText(rendered.markdown), reads };
  if (input.dryRun) return { ...base, outcome: "dry-run", issue: null };
  if (input.digests.delivery !== "issue") {
    // Discussions and pinned comments: `post-delivery.ts`.
    return { ...base, ...(await deliverPost(input, period, rendered, target)) };
  }

  const issue = digestIssue(period, rendered, input.digests.label);
  const list = () => input.port.listIssuesWithLabel(target, input.digests.label, "all");
  const common = { author: input.author, period, issue };
  let plan = planDelivery({ ...common, existing: await list() });
  let outcome: DigestRunResult["outcome"] = "exists";
  if (plan.create) {
    const created = await input.port.createIssue(target, plan.create);
    plan = planDelivery({ ...common, existing: await list(), created: created.number });
    // GitHub's list can lag a moment behind a create; then our issue is the one to keep.
    plan.posted ??= created;
    // A concurrent run that posted first keeps its issue, and ours is closed as a copy.
    if (plan.posted.number === created.number) outcome = "posted";
  }
  if (plan.ops.length > 0) await input.port.mutate(plan.ops);
  return { ...base, outcome, issue: plan.posted };
}
