/**
 * The load side of linked features: what `/duplicate` and `/squad propose` need to know about the
 * other issue before planning, and the follow-up reconciles of other issues after one is applied.
 */
import type { Config } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSnapshot, RepoRef } from "../../github/types.js";
import { reconcileRepo } from "../../reconcile/repo.js";
import type { Scope } from "../feature.js";
import type { Actor, CommandRequest } from "../squad/apply-commands.js";
import { findCard } from "../squad/card-state.js";
import { commandKey } from "../squad/replies.js";
import type { FeatureState } from "../squad/state.js";
import type { FollowUp } from "./follow-ups.js";
import type { CommandLinks, LinkCheck } from "./links.js";
import { linkOf, sameLink } from "./links.js";
import { planSquadIssue } from "./squad-issue.js";

const refusal =
  (templates: Templates) =>
  (key: string, view: object = {}): LinkCheck => ({
    ok: false,
    reason: templates.message(key, view),
  });

export interface LinkDeps {
  scope: Scope;
  config: Config;
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
  { scope, config }: LinkDeps,
  source: IssueSnapshot,
  command: { repo: string | null; number: number },
): Promise<LinkCheck> {
  const refuse = refusal(scope.templates);
  const [owner = "", repo = ""] = (command.repo ?? `${source.ref.owner}/${source.ref.repo}`).split(
    "/",
  );
  const ref = { owner, repo, number: command.number };
  const target = `${owner}/${repo}#${command.number}`;
  if (!sameName(owner, source.ref.owner)) {
    return refuse("duplicate.refuse.otherOrg", { target, org: source.ref.owner });
  }
  if (sameLink(linkOf(ref), linkOf(source.ref))) return refuse("duplicate.refuse.self");
  const issue = await scope.port.loadIssue(ref, { labelNames: [] }).catch(() => null);
  if (!issue) return refuse("duplicate.refuse.missing", { target });
  if (issue.state === "closed") return refuse("duplicate.refuse.closed", { target });
  const card = findCard(issue.comments).card;
  if (!card)
    return refuse("duplicate.refuse.notFeature", { target, first: config.phases[0]?.id ?? "" });
  if (card.state.duplicateOf) return refuse("duplicate.refuse.isDuplicate", { target });
  return { ok: true, issue: linkOf(issue.ref), nodeId: issue.id };
}

/**
 * Reuses the squad issue the card or the roadmap repository already has; opens one otherwise,
 * through the executor, whose outcome carries the new issue's number for the request's card.
 */
async function ensureSquadIssue(
  { scope, config }: LinkDeps,
  source: IssueSnapshot,
  state: FeatureState,
): Promise<LinkCheck> {
  const { port, log } = scope;
  const refuse = refusal(scope.templates);
  const squads = config.squads;
  if (!squads) return refuse("squad.refuse.notConfigured");
  if (state.squad)
    return { ok: true, issue: { repo: state.squad.repo, number: state.squad.number } };
  const [owner = "", name = ""] = squads.repo.split("/");
  const repo: RepoRef = { owner, repo: name };
  // The squad issue gets its card from its own repository's config.
  if (!(await scope.config(repo))) return refuse("squad.refuse.repoConfig", { repo: squads.repo });
  const request = linkOf(source.ref);
  const failed = (error: string) =>
    refuse("squad.refuse.failed", { repo: squads.repo, error: escapeInline(error) });
  try {
    const label = squads.labels[0] ?? "";
    const appLogin = await scope.appLogin();
    const proposal = { link: request, title: source.title, body: source.body, state };
    const { plan, result } = await reconcileRepo(scope, {
      feature: "squad-links",
      about: { repo, request },
      apply: { dryRun: scope.dryRun(config), protectedLabels: config.labels.protected },
      load: () => port.listIssuesWithLabel(repo, label, "all"),
      plan: (issues) => planSquadIssue(squads, repo, proposal, issues, appLogin, scope.templates),
    });
    if (plan.earlier)
      return { ok: true, issue: { repo: squads.repo, number: plan.earlier.number } };
    const [outcome] = result.outcomes;
    if (outcome?.status === "written" && outcome.issue) {
      return { ok: true, issue: { repo: squads.repo, number: outcome.issue.number } };
    }
    return failed(outcome?.status === "planned" ? "dry run" : result.failures.join("; "));
  } catch (error) {
    log.error({ err: error, repo, request }, "could not open the squad issue");
    return failed(error instanceof Error ? error.message : String(error));
  }
}

/** Reconciles one issue of another repository, with that repository's config. */
export type Reconcile = (config: Config, followUp: FollowUp) => Promise<void>;

/** One after another, each under its own issue's lock; a failure is logged and the rest still run. */
export async function runFollowUps(
  scope: Scope,
  followUps: FollowUp[],
  reconcile: Reconcile,
): Promise<void> {
  for (const followUp of followUps) {
    try {
      const config = await scope.config(followUp.ref);
      if (config) await reconcile(config, followUp);
    } catch (error) {
      scope.log.error({ err: error, issue: followUp.ref }, "a linked issue could not be updated");
    }
  }
}
