import { commandLinesOf } from "../../commands/requests.js";
import type { Config } from "../../config/schema.js";
import type { IssueSnapshot } from "../../github/types.js";
import { applyActionsOn, type Scope } from "../feature.js";
import type { CommentHint, ContributionHint, ReleaseHint } from "../hints.js";
import { findCard } from "../squad/card-state.js";
import { waitingForRelease } from "../squad/webhooks.js";
import { planEarlyAccess, postedKeys } from "./early-access.js";
import { loadFormingSquads, type SquadCandidate } from "./opportunities.js";
import { handleQuietCommand, type QuietCommand } from "./quiet.js";
import { handleContribution } from "./run.js";
import { communityStoreOf } from "./store.js";

/**
 * Forming squads with their cards, for "squads seeking members": one request (a page of up to 100
 * features), made only when a welcome is about to be written. Without a features source, none.
 */
function formingSquads(scope: Scope, config: Config, hint: ContributionHint) {
  return async (): Promise<SquadCandidate[]> => {
    const features = scope.services.features;
    if (!features) return [];
    const { squads } = config.community.welcome;
    return loadFormingSquads(await features(), hint.repo, config.phases, squads, scope.now());
  };
}

/** Record, then welcome or congratulate when it is due. */
export async function onContribution(
  scope: Scope,
  hint: ContributionHint,
  config: Config | null,
): Promise<void> {
  const { store, community } = scope.services;
  if (!config || !store || !community) return;
  const input = hint.contribution;
  const plan = await handleContribution(
    {
      store: communityStoreOf(store),
      port: community,
      config: config.community,
      phases: config.phases,
      squads: formingSquads(scope, config, hint),
      governanceRoles: config.governance?.roles ?? [],
      now: scope.now(),
      templates: scope.templates,
    },
    input,
  );
  if (plan.stage) scope.log.info({ login: input.event.login, stage: plan.stage }, "stage");
  // Most contributions plan nothing: they cost no GitHub request at all.
  if (!plan.target || plan.actions.length === 0) return;
  await applyActionsOn(
    scope,
    config,
    "community",
    { ref: plan.target, pullRequest: hint.onPullRequest },
    plan.actions,
    plan.notes,
  );
}

const QUIET = new Set<string>(["quiet", "unquiet"]);

/** The last `/quiet` or `/unquiet` of a comment wins: that is what they meant in the end. */
function quietCommandOf(hint: CommentHint): QuietCommand | undefined {
  if (hint.comment.authorIsBot) return undefined;
  const { lines } = commandLinesOf(hint.comment.body, hint.previousBody);
  return lines.filter((l) => QUIET.has(l.name)).at(-1)?.name as QuietCommand | undefined;
}

export const wantsQuiet = (hint: CommentHint): boolean => quietCommandOf(hint) !== undefined;

/** `/quiet` and `/unquiet` in a new or edited comment, on an issue or a pull request. */
export async function onQuietCommand(
  scope: Scope,
  hint: CommentHint,
  config: Config | null,
): Promise<void> {
  const { store } = scope.services;
  const command = quietCommandOf(hint);
  if (!config || !store || !command) return;
  const actions = await handleQuietCommand(communityStoreOf(store), {
    org: hint.repo.owner,
    login: hint.comment.author,
    command,
    commentNodeId: hint.comment.nodeId,
    commentDatabaseId: hint.comment.id,
    templates: scope.templates,
  });
  const target = { ref: { ...hint.repo, number: hint.number }, pullRequest: hint.onPullRequest };
  await applyActionsOn(scope, config, "community", target, actions, [`/${command}`]);
}

/** Followers of the features a release ships hear once that they can try them (betas too). */
/**
 * Prereleases only: a final release moves the feature, and the squad's move notice tells the
 * same people, once. A beta is early access: the feature stays where it is.
 */
export async function onEarlyAccess(scope: Scope, hint: ReleaseHint): Promise<void> {
  if (!hint.release.prerelease) return;
  for (const { config, refs } of await waitingForRelease(scope, hint)) {
    const settings = config.community.earlyAccess;
    if (!settings.enabled) continue;
    for (const ref of refs) {
      const plan = (issue: IssueSnapshot) => {
        const card = findCard(issue.comments).card;
        if (!card) return [];
        return planEarlyAccess({
          state: card.state,
          author: issue.author,
          title: issue.title,
          releaseUrl: hint.release.url,
          releaseName: hint.release.name,
          maxMentionsPerComment: settings.maxMentionsPerComment,
          // The scope already added everyone who said /quiet to `neverMention`.
          quiet: new Set(config.neverMention),
          posted: postedKeys(issue.comments),
          templates: scope.templates,
        });
      };
      await applyActionsOn(scope, config, "community", { ref, pullRequest: false }, plan, [
        `early access: ${hint.release.name}`,
      ]);
    }
  }
}
