/**
 * The governance feature's commands: `/nominate` opens (or finds) the nomination in the
 * governance repository and answers where it was typed; `/sponsor` counts on the nomination.
 */
import type { Action } from "../../actions/action.js";
import { commandLinesOf, requestsOf } from "../../commands/requests.js";
import type { CommandKind } from "../../commands/specs.js";
import { allPhaseLabels } from "../../config/journeys.js";
import { didYouMean } from "../../config/problems.js";
import type { Config } from "../../config/schema.js";
import { escapeInline, personLink } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import { reconcile } from "../../reconcile/loop.js";
import { reconcileRepo } from "../../reconcile/repo.js";
import { applyActionsOn, applyOptions, type Scope } from "../feature.js";
import type { CommentHint } from "../hints.js";
import { isMaintainer } from "../squad/roles.js";
import type { GovernanceConfig } from "./config.js";
import { planNomination, roleNamed } from "./nomination.js";
import { profileLines, type SquadRole } from "./profile.js";
import { nominationOf, planSponsor } from "./sponsors.js";

export const GOVERNANCE_COMMANDS: readonly CommandKind[] = ["nominate", "sponsor"];
const runsHere = (kind: CommandKind) => GOVERNANCE_COMMANDS.includes(kind);

/** Only the words matter before anything is read, not what a refusal would say. */
const UNSAID: Templates = { render: () => "", message: () => "" };

export function hasGovernanceCommands(hint: CommentHint): boolean {
  if (hint.comment.authorIsBot) return false;
  const read = commandLinesOf(hint.comment.body, hint.previousBody);
  return requestsOf(read, runsHere, UNSAID).length > 0;
}

export async function onGovernanceComment(
  scope: Scope,
  hint: CommentHint,
  config: Config | null,
): Promise<void> {
  const governance = config?.governance;
  if (!config || !governance || hint.comment.authorIsBot) return;
  const read = commandLinesOf(hint.comment.body, hint.previousBody);
  const here = { ...hint.repo, number: hint.number };
  for (const request of requestsOf(read, runsHere, scope.templates)) {
    const { command } = request;
    const key = `governance:${hint.comment.id}:${request.line}:${request.occurrence}`;
    const answer = (body: string) => answerOn(scope, config, hint, here, key, body);
    if (command.kind === "invalid") await answer(command.reason);
    else if (command.kind === "nominate") {
      const reason = await nominate(scope, config, governance, hint, command);
      await answer(reason);
    } else if (command.kind === "sponsor")
      await sponsor(scope, config, governance, hint, here, key);
  }
}

/** The reply to the comment that asked, once per command line (and a 👍 when it worked). */
async function answerOn(
  scope: Scope,
  config: Config,
  hint: CommentHint,
  ref: IssueRef,
  key: string,
  body: string,
): Promise<void> {
  const actions: Action[] = [{ type: "comment", key, body }];
  const target = { ref, pullRequest: hint.onPullRequest };
  await applyActionsOn(scope, config, "governance", target, actions, ["governance reply"]);
}

async function nominate(
  scope: Scope,
  config: Config,
  governance: GovernanceConfig,
  hint: CommentHint,
  command: { login: string; role: string },
): Promise<string> {
  const { templates, port } = scope;
  const by = hint.comment.author;
  const say = (key: string, view: object = {}) =>
    templates.message(key, { person: personLink(by), ...view });
  if (!(await isMaintainer(port, config, hint.repo, by)))
    return say("governance.refuse.maintainer");
  const role = roleNamed(governance, command.role);
  if (!role) {
    const suggestion = didYouMean(command.role, governance.roles);
    return say("governance.refuse.role", {
      role: escapeInline(command.role),
      suggestion: suggestion ? escapeInline(suggestion) : null,
      roles: governance.roles.map((r) => `\`${escapeInline(r)}\``).join(", "),
    });
  }
  const login = await port.findUser(command.login);
  if (!login) return say("refuse.lead.noAccount", { login: command.login });
  const [owner = "", name = ""] = governance.repo.split("/");
  const repo: RepoRef = { owner, repo: name };
  const contributor = await scope.services.store?.getContributor(hint.repo.owner, login);
  const squads = await squadsOf(scope, config, hint.repo, login);
  const profile = profileLines(contributor ?? null, squads, templates);
  const where = `${hint.repo.owner}/${hint.repo.repo}`;
  const from = `[${escapeInline(`${where}#${hint.number}`)}](https://github.com/${where}/issues/${hint.number})`;
  try {
    const appLogin = await scope.appLogin();
    const { plan, result } = await reconcileRepo(scope, {
      feature: "governance",
      about: { repo, nominee: login, role },
      apply: { dryRun: scope.dryRun(config), protectedLabels: config.labels.protected },
      load: () => port.listIssuesWithLabel(repo, governance.label, "open"),
      plan: (issues) =>
        planNomination({
          config: governance,
          repo,
          nomination: { login, role },
          by,
          from,
          profile,
          issues,
          appLogin,
          templates,
        }),
    });
    const [outcome] = result.outcomes;
    const opened = outcome?.status === "written" ? outcome.issue?.number : undefined;
    const number = plan.earlier?.number ?? opened;
    if (number === undefined) {
      return say("governance.failed", {
        error: escapeInline(result.failures.join("; ") || "dry run"),
      });
    }
    const issue = `${governance.repo}#${number}`;
    return say(plan.earlier ? "governance.nominated.earlier" : "governance.nominated", {
      issue,
      url: `https://github.com/${governance.repo}/issues/${number}`,
      nominee: personLink(login),
      role: escapeInline(role),
    });
  } catch (error) {
    scope.log.error({ err: error, repo }, "could not open the nomination");
    return say("governance.failed", { error: escapeInline(String(error)) });
  }
}

/** The features of this repository the person leads, joined or holds a role in, from their cards. */
async function squadsOf(
  scope: Scope,
  config: Config,
  repo: RepoRef,
  login: string,
): Promise<SquadRole[]> {
  const make = scope.services.features;
  if (!make) return [];
  const source = await make();
  const found: SquadRole[] = [];
  const same = (other: string | null | undefined) => other?.toLowerCase() === login.toLowerCase();
  // Closed features count: a squad that shipped is the strongest record.
  const labels = allPhaseLabels(config);
  for await (const page of source.issues(repo, { labels, closedSince: new Date(0) })) {
    for (const issue of page) {
      const card = issue.card;
      if (!card) continue;
      const role = Object.entries(card.roles ?? {}).find(([, people]) => people.some(same));
      const as = same(card.lead) ? "lead" : card.members.some(same) ? "member" : role?.[0];
      if (as) found.push({ title: issue.title, url: issue.url, as });
    }
  }
  return found;
}

async function sponsor(
  scope: Scope,
  config: Config,
  governance: GovernanceConfig,
  hint: CommentHint,
  ref: IssueRef,
  key: string,
): Promise<void> {
  const login = hint.comment.author;
  const appLogin = await scope.appLogin();
  const maintainer = await isMaintainer(scope.port, config, hint.repo, login);
  await reconcile(scope, {
    feature: "governance",
    subject: { ref, pullRequest: hint.onPullRequest },
    apply: applyOptions(scope, config),
    load: async (issue) => issue,
    plan: (issue) => {
      const nomination = nominationOf(issue, appLogin);
      if (!nomination) {
        const body = scope.templates.message("governance.sponsor.notNomination", {
          person: personLink(login),
        });
        return {
          actions: [{ type: "comment" as const, key, body }],
          notes: ["/sponsor outside a nomination"],
          cardCommentId: null,
          carry: undefined,
        };
      }
      const planned = planSponsor({
        config: governance,
        issue,
        nomination,
        sponsor: { login, maintainer },
        comment: { nodeId: hint.comment.nodeId, databaseId: hint.comment.id },
        templates: scope.templates,
      });
      return { ...planned, notes: ["/sponsor"], carry: undefined };
    },
  });
}
