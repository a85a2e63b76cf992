/**
 * The community journey's webhooks: contributions (welcomes, milestones, stages) and `/quiet`.
 * They run beside the squad handlers of the same events and only when the app has a store.
 */
import type { Context } from "probot";
import type { Action } from "../actions/action.js";
import { execute } from "../actions/executor.js";
import { newCommands, parseCommands } from "../commands/parse.js";
import type { Config } from "../config/schema.js";
import { loadFormingSquads, type SquadCandidate } from "../features/community/opportunities.js";
import {
  type CommunityEventName,
  type ContributionInput,
  parseContribution,
} from "../features/community/payloads.js";
import { handleQuietCommand, type QuietCommand } from "../features/community/quiet.js";
import { handleContribution } from "../features/community/run.js";
import { communityStoreOf } from "../features/community/store.js";
import type { GitHubPort } from "../github/port.js";
import type { IssueRef, IssueSnapshot, RepoRef } from "../github/types.js";
import { isOwnEvent, openRepo } from "./delivery.js";
import { commentPayload, repoOf } from "./payloads.js";
import { issueKey, type Runtime } from "./runtime.js";

type Handler = (runtime: Runtime, context: Context) => Promise<void>;

/** Pull request events, reviews and comments on a pull request answer on the pull request. */
function isPullRequest(name: CommunityEventName, payload: unknown): boolean {
  if (name === "pull_request" || name === "pull_request_review") return true;
  const issue = (payload as { issue?: { pull_request?: unknown } }).issue;
  return name === "issue_comment" && issue?.pull_request != null;
}

/**
 * Forming squads with their cards, for "squads seeking members": one request (a page of up to 100
 * features), made only when a welcome is about to be written. Without a features source, none.
 */
function formingSquads(runtime: Runtime, context: Context, config: Config, repo: RepoRef) {
  return async (): Promise<SquadCandidate[]> => {
    const { featuresFor } = runtime.deps;
    if (!featuresFor) return [];
    const source = featuresFor(context, await runtime.appLogin());
    const { squads } = config.community.welcome;
    return loadFormingSquads(source, repo, config.phases, squads, runtime.deps.now());
  };
}

/**
 * Loads the issue or pull request the actions belong on and applies them through the executor,
 * under the per-issue lock the squad handlers use, so its once-keys see the other writes.
 */
export async function applyOn(
  runtime: Runtime,
  context: Pick<Context, "log">,
  port: GitHubPort,
  config: Config,
  target: { ref: IssueRef; pullRequest: boolean },
  plan: Action[] | ((subject: IssueSnapshot) => Action[]),
  notes: string[],
): Promise<void> {
  const { ref } = target;
  await runtime.lock.run(issueKey(ref, ref.number), async () => {
    const subject = target.pullRequest
      ? await port.loadPullRequest(ref)
      : await port.loadIssue(ref, { labelNames: [] });
    if (!subject) return;
    const actions = typeof plan === "function" ? plan(subject) : plan;
    if (actions.length === 0) return;
    const dryRun = runtime.deps.dryRun || config.dryRun;
    const result = await execute(port, subject, actions, {
      dryRun,
      protectedLabels: config.labels.protected,
      labelColor: config.labels.color,
      cardCommentId: null,
    });
    const log = { target: ref, notes, ops: result.ops.map((o) => o.op), skipped: result.skipped };
    if (result.failures.length > 0)
      context.log.error({ ...log, failures: result.failures }, "community writes failed");
    else context.log.info(log, dryRun ? "dry run: community planned" : "community applied");
  });
}

/** One handler per contribution event: record, then welcome or congratulate when it is due. */
export function onContribution(name: CommunityEventName): Handler {
  return async (runtime, context) => {
    const { store } = runtime.deps;
    if (!store) return;
    const input: ContributionInput | null = parseContribution(name, context.payload);
    if (!input || (await isOwnEvent(runtime, input.author.login))) return;
    const repo = { owner: input.target.owner, repo: input.target.repo };
    const opened = await openRepo(runtime, context, repo);
    if (!opened) return;
    const { port, config } = opened;
    const community = runtime.deps.communityFor?.(context);
    if (!community) return;
    const plan = await handleContribution(
      {
        store: communityStoreOf(store),
        port: community,
        config: config.community,
        phases: config.phases,
        squads: formingSquads(runtime, context, config, repo),
        now: runtime.deps.now(),
      },
      input,
    );
    if (plan.stage) context.log.info({ login: input.event.login, stage: plan.stage }, "stage");
    // Most contributions plan nothing: they cost no GitHub request at all.
    if (!plan.target || plan.actions.length === 0) return;
    const target = { ref: plan.target, pullRequest: isPullRequest(name, context.payload) };
    await applyOn(runtime, context, port, config, target, plan.actions, plan.notes);
  };
}

const QUIET = new Set<string>(["quiet", "unquiet"]);

/** `/quiet` and `/unquiet` in a new or edited comment, on an issue or a pull request. */
export const onQuietCommand: Handler = async (runtime, context) => {
  const { store } = runtime.deps;
  if (!store) return;
  const parsed = commentPayload.safeParse(context.payload);
  if (!parsed.success) return;
  const payload = parsed.data;
  if (payload.action !== "created" && payload.action !== "edited") return;
  const { comment } = payload;
  if (comment.user.type === "Bot" || (await isOwnEvent(runtime, comment.user.login))) return;
  const body = comment.body ?? "";
  const lines =
    payload.action === "edited" && payload.changes?.body
      ? newCommands(payload.changes.body.from, body)
      : parseCommands(body);
  // The last one wins, as when someone writes both: that is what they meant in the end.
  const command = lines.filter((l) => QUIET.has(l.name)).at(-1)?.name as QuietCommand | undefined;
  if (!command) return;
  const repo = repoOf(payload);
  const opened = await openRepo(runtime, context, repo);
  if (!opened) return;
  const { port, config } = opened;
  const actions = await handleQuietCommand(communityStoreOf(store), {
    org: repo.owner,
    login: comment.user.login,
    command,
    commentNodeId: comment.node_id,
    commentDatabaseId: comment.id,
  });
  const target = {
    ref: { ...repo, number: payload.issue.number },
    pullRequest: payload.issue.pull_request != null,
  };
  await applyOn(runtime, context, port, config, target, actions, [`/${command}`]);
};
