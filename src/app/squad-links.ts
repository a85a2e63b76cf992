/**
 * The app side of linked features: what `/duplicate` and `/squad propose` need to know about the
 * other issue before planning, and the follow-up reconciles of other issues after one is applied.
 */
import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import { escapeInline } from "../core/markdown.js";
import { message } from "../core/templates.js";
import type { Actor, CommandRequest } from "../features/squad/apply-commands.js";
import { findCard } from "../features/squad/card-state.js";
import { commandKey } from "../features/squad/replies.js";
import type { FeatureState } from "../features/squad/state.js";
import type { FollowUp } from "../features/squad-links/follow-ups.js";
import type { CommandLinks, LinkCheck } from "../features/squad-links/links.js";
import { linkOf, sameLink } from "../features/squad-links/links.js";
import { findSquadIssue, renderSquadIssue } from "../features/squad-links/squad-issue.js";
import type { GitHubPort } from "../github/port.js";
import type { IssueSnapshot, RepoRef } from "../github/types.js";
import type { Runtime } from "./runtime.js";

type Log = Context["log"];
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const refuse = (key: string, view: object = {}): LinkCheck => ({
  ok: false,
  reason: message(key, view),
});

export interface LinkDeps {
  runtime: Runtime;
  port: GitHubPort;
  config: Config;
  log: Log;
}

/**
 * Reads (and for a proposal, opens) the other issue of each new `/duplicate` or `/squad` line.
 * Nothing is read for commands the card already handled, or that the actor may not run.
 */
export async function resolveCommandLinks(
  deps: LinkDeps,
  source: IssueSnapshot,
  actor: Actor,
  requests: CommandRequest[],
  commentDatabaseId: number,
): Promise<CommandLinks | undefined> {
  const state = findCard(source.comments).card?.state ?? null;
  if (!state || !actor.maintainer) return undefined;
  const fresh = requests.filter((r) => !state.handled.includes(commandKey(commentDatabaseId, r)));
  const links: CommandLinks = {};
  for (const request of fresh) {
    const { command } = request;
    if (command.kind === "duplicate") {
      links.duplicates ??= {};
      links.duplicates[request.line] = await checkDuplicate(deps, source, command);
    } else if (command.kind === "squad" && links.squad === undefined) {
      links.squad = await ensureSquadIssue(deps, source, state);
    }
  }
  return links;
}

async function checkDuplicate(
  { port, config }: LinkDeps,
  source: IssueSnapshot,
  command: { repo: string | null; number: number },
): Promise<LinkCheck> {
  const [owner = "", repo = ""] = (command.repo ?? `${source.ref.owner}/${source.ref.repo}`).split(
    "/",
  );
  const ref = { owner, repo, number: command.number };
  const target = `${owner}/${repo}#${command.number}`;
  if (!same(owner, source.ref.owner)) {
    return refuse("duplicate.refuse.otherOrg", { target, org: source.ref.owner });
  }
  if (sameLink(linkOf(ref), linkOf(source.ref))) return refuse("duplicate.refuse.self");
  const issue = await port.loadIssue(ref, { labelNames: [] }).catch(() => null);
  if (!issue) return refuse("duplicate.refuse.missing", { target });
  if (issue.state === "closed") return refuse("duplicate.refuse.closed", { target });
  const card = findCard(issue.comments).card;
  if (!card)
    return refuse("duplicate.refuse.notFeature", { target, first: config.phases[0]?.id ?? "" });
  if (card.state.duplicateOf) return refuse("duplicate.refuse.isDuplicate", { target });
  return { ok: true, issue: linkOf(issue.ref), nodeId: issue.id };
}

/** Reuses the squad issue the card or the roadmap repository already has; opens one otherwise. */
async function ensureSquadIssue(
  { runtime, port, config, log }: LinkDeps,
  source: IssueSnapshot,
  state: FeatureState,
): Promise<LinkCheck> {
  const squads = config.squads;
  if (!squads) return refuse("squad.refuse.notConfigured");
  if (state.squad)
    return { ok: true, issue: { repo: state.squad.repo, number: state.squad.number } };
  const [owner = "", name = ""] = squads.repo.split("/");
  const repo: RepoRef = { owner, repo: name };
  const loaded = await runtime.config(port, repo, log);
  // The squad issue gets its card from its own repository's config.
  if (loaded.ok !== true || !loaded.config.enabled) {
    return refuse("squad.refuse.repoConfig", { repo: squads.repo });
  }
  const request = linkOf(source.ref);
  try {
    const label = squads.labels[0] ?? "";
    const earlier = findSquadIssue(
      await port.listIssuesWithLabel(repo, label, "all"),
      request,
      await runtime.appLogin(),
    );
    if (earlier) return { ok: true, issue: { repo: squads.repo, number: earlier.number } };
    if (runtime.deps.dryRun || config.dryRun) {
      log.info({ repo, request }, "dry run: would open a squad issue");
      return refuse("squad.refuse.failed", { repo: squads.repo, error: "dry run" });
    }
    const issue = renderSquadIssue(squads, {
      link: request,
      title: source.title,
      body: source.body,
      state,
    });
    const created = await port.createIssue(repo, issue);
    return { ok: true, issue: { repo: squads.repo, number: created.number } };
  } catch (error) {
    log.error({ err: error, repo, request }, "could not open the squad issue");
    return refuse("squad.refuse.failed", {
      repo: squads.repo,
      error: escapeInline(error instanceof Error ? error.message : String(error)),
    });
  }
}

/** Reconciles one issue of another repository, with that repository's config. */
export type Reconcile = (config: Config, followUp: FollowUp) => Promise<void>;

/** One after another, each under its own issue's lock; a failure is logged and the rest still run. */
export async function runFollowUps(
  deps: Omit<LinkDeps, "config">,
  followUps: FollowUp[],
  reconcile: Reconcile,
): Promise<void> {
  for (const followUp of followUps) {
    try {
      const loaded = await deps.runtime.config(deps.port, followUp.ref, deps.log);
      if (loaded.ok !== true || !loaded.config.enabled) continue;
      await reconcile(loaded.config, followUp);
    } catch (error) {
      deps.log.error({ err: error, issue: followUp.ref }, "a linked issue could not be updated");
    }
  }
}
