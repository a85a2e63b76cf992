/** The thin runner of a digest: collect, render, then deliver it through the executor. */
export type { DigestRunInput, DigestRunResult } from "./run-types.js";

import { SILENT_LOG } from "../../core/log.js";
import type { IssueSummary, RepoRef } from "../../github/types.js";
import type { RepoHost } from "../../reconcile/repo.js";
import { collectWeekly } from "./collect.js";
import { renderCommunityDigest } from "./community.js";
import { type Delivered, deliverOnce } from "./deliver-once.js";
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
      rendered: renderWeeklyDigest({
        data,
        config: input.config,
        settings,
        templates: input.templates,
      }),
      reads: data.reads,
    };
  }
  if (!input.community) {
    throw new Error(
      "the monthly community digest needs the contributor store, which is not configured",
    );
  }
  const data = await input.community.load(period, repos);
  const rendered = renderCommunityDigest(data, input.digests.monthly, input.templates);
  return { rendered, reads: null };
}

/** One issue per period: at most one list, one create, one list after it and one mutation. */
function deliverIssue(
  input: DigestRunInput,
  host: RepoHost,
  period: Period,
  rendered: RenderedDigest,
  target: RepoRef,
): Promise<Delivered<IssueSummary>> {
  const { label } = input.digests;
  const issue = digestIssue(period, rendered, label);
  const common = { author: input.author, period, repo: target, issue, templates: input.templates };
  return deliverOnce(host, {
    about: { repo: target, period: period.key, delivery: "issue" },
    apply: { dryRun: input.dryRun ?? false, protectedLabels: input.config.labels.protected },
    load: () => input.port.listIssuesWithLabel(target, label, "all"),
    plan: (existing, created) =>
      planDelivery({ ...common, existing, ...(created ? { created: created.number } : {}) }),
    made: (outcome) => (outcome.status === "written" ? outcome.issue : undefined),
    same: (a, b) => a.number === b.number,
  });
}

/** One digest for one period, however often it runs; a dry run reads and plans, and writes nothing. */
export async function runDigest(input: DigestRunInput): Promise<DigestRunResult> {
  const settings = input.digests[input.kind];
  const period = input.period ?? reportedPeriod(input.kind, input.now, settings.timezone);
  const repos = settings.repos.length > 0 ? settings.repos.map(parseRepo) : [input.home];
  const target = input.digests.postTo ? parseRepo(input.digests.postTo) : input.home;
  const { rendered, reads } = await render(input, period, repos);
  const base = { period, rendered, text: toPlainText(rendered.markdown), reads };
  const host: RepoHost = {
    port: input.port,
    delivery: input.delivery,
    log: input.log ?? SILENT_LOG,
  };
  if (input.digests.delivery === "issue") {
    const { outcome, posted, writes } = await deliverIssue(input, host, period, rendered, target);
    return { ...base, outcome, issue: posted, writes };
  }
  // Discussions and pinned comments: `post-delivery.ts`.
  const { outcome, posted, writes } = await deliverPost(input, host, period, rendered, target);
  return { ...base, outcome, issue: null, post: posted, writes };
}
