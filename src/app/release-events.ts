/**
 * `release.published`: features in the phase before Release that the notes reference move to
 * Release (final releases only), and their followers hear once that they can try them (betas too).
 */
import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import { planEarlyAccess, postedKeys } from "../features/community/early-access.js";
import { parseRelease, type ReleaseInput } from "../features/community/payloads.js";
import { featureRefsInRelease } from "../features/community/release-refs.js";
import { findCard } from "../features/squad/card-state.js";
import type { GitHubPort } from "../github/port.js";
import type { IssueRef, IssueSnapshot, RepoRef } from "../github/types.js";
import { applyOn } from "./community-events.js";
import { configFor, isOwnEvent } from "./delivery.js";
import { reconcileIssue } from "./issue-events.js";
import type { Runtime } from "./runtime.js";

const RELEASE_PHASE = "release";
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The phase a feature waits in for a release (Testing; Review in the cht preset), and Release. */
function releaseStep(config: Config) {
  const index = config.phases.findIndex((p) => p.id === RELEASE_PHASE);
  const from = index > 0 ? config.phases[index - 1] : undefined;
  const to = config.phases[index];
  return from && to ? { from, to } : null;
}

/** References grouped by repository; only the release's own organization, which we are installed in. */
function byRepo(refs: IssueRef[], owner: string): Map<string, IssueRef[]> {
  const groups = new Map<string, IssueRef[]>();
  for (const ref of refs.filter((r) => same(r.owner, owner))) {
    const key = `${ref.owner}/${ref.repo}`.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), ref]);
  }
  return groups;
}

export async function onRelease(runtime: Runtime, context: Context): Promise<void> {
  const release = parseRelease(context.payload);
  const sender = (context.payload as { sender?: { login?: string } }).sender?.login ?? "ghost";
  if (!release || (await isOwnEvent(runtime, sender))) return;
  const port = runtime.deps.githubFor(context);
  const refs = featureRefsInRelease(release.body, release.repo);
  for (const group of byRepo(refs, release.repo.owner).values()) {
    const [first] = group;
    if (!first) continue;
    const repo: RepoRef = { owner: first.owner, repo: first.repo };
    const config = await configFor(runtime, port, repo, context.log);
    const step = config && releaseStep(config);
    if (!config || !step?.from.label) continue;
    // One request per repository rather than one per reference: notes list many bug fixes too.
    const waiting = await port.listIssuesWithLabel(repo, step.from.label, "open");
    const numbers = new Set(waiting.map((issue) => issue.number));
    for (const ref of group.filter((r) => numbers.has(r.number))) {
      if (!release.prerelease) {
        await reconcileIssue(runtime, context, port, config, ref, {
          kind: "release",
          phase: step.to.id,
          actor: sender,
        });
      }
      await tellFollowers(runtime, context, port, config, ref, release);
    }
  }
}

/** Early access needs the store (for /quiet) and the section switched on. */
async function tellFollowers(
  runtime: Runtime,
  context: Context,
  port: GitHubPort,
  config: Config,
  ref: IssueRef,
  release: ReleaseInput,
): Promise<void> {
  const settings = config.community.earlyAccess;
  if (!runtime.deps.store || !settings.enabled) return;
  const plan = (issue: IssueSnapshot) => {
    const card = findCard(issue.comments).card;
    if (!card) return [];
    return planEarlyAccess({
      state: card.state,
      author: issue.author,
      title: issue.title,
      releaseUrl: release.url,
      releaseName: release.name,
      maxMentionsPerComment: settings.maxMentionsPerComment,
      // The runtime already added everyone who said /quiet to `neverMention`.
      quiet: new Set(config.neverMention),
      posted: postedKeys(issue.comments),
    });
  };
  await applyOn(runtime, context, port, config, { ref, pullRequest: false }, plan, [
    `early access: ${release.name}`,
  ]);
}
