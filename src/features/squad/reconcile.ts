/**
 * A feature's reconcile, as every trigger runs it (webhooks, commands, the board, releases, the
 * repair sweep): the issue and its board read under the lock, the squad and roadmap plans made
 * purely and applied as one mutation, then the linked issues that must follow.
 */
import { allPhaseLabels, configForIssue } from "../../config/journeys.js";
import type { Config } from "../../config/schema.js";
import type { LoadIssueOptions } from "../../github/port.js";
import type { IssueRef, IssueSnapshot } from "../../github/types.js";
import { reconcile } from "../../reconcile/loop.js";
import { applyOptions, type Scope } from "../feature.js";
import type { BoardLookup } from "../roadmap/board.js";
import {
  afterRoadmapWrites,
  loadRoadmapBoard,
  planRoadmapSync,
  roadmapLoadOptions,
} from "../roadmap/sync.js";
import type { SimilarCandidate } from "../similar/port.js";
import { relatedForNewRequest } from "../similar/related.js";
import { syncLinkedTopic, type TopicSyncRequest } from "../squad-forum/sync.js";
import { type FollowUp, linkFollowUps } from "../squad-links/follow-ups.js";
import { runFollowUps } from "../squad-links/resolve.js";
import { planSquad, type SquadPlanInput, type Trigger } from "./plan.js";

/** Follow-ups of follow-ups run too (a squad issue's requests), but no deeper: links cannot loop. */
const MAX_LINK_DEPTH = 2;

/**
 * A trigger known from the event, or one that needs the loaded issue (commands, board moves) and
 * the config of the issue's journey.
 */
export type TriggerSource =
  | Trigger
  | ((issue: IssueSnapshot, issueConfig: Config) => Promise<Trigger>);

interface Loaded {
  input: SquadPlanInput;
  board: BoardLookup | null;
}

export interface ReconcileOptions {
  /** Intake searches for earlier issues only for the delivery that brings a request in. */
  searchRelated?: boolean;
  depth?: number;
  /** The repair sweep: the linked forum topic is checked too, its latest move posted if missed. */
  repairForum?: boolean;
}

/**
 * What a reconcile reads with the issue: phase and blocked label ids (of every journey of the
 * repository: the issue's is known only once it is read), the board's item values.
 */
export function squadIssueRead(config: Config): LoadIssueOptions {
  const labelNames = [
    ...allPhaseLabels(config),
    ...(config.labels.blocked ? [config.labels.blocked] : []),
  ];
  return { labelNames, ...roadmapLoadOptions(config) };
}

export async function reconcileFeature(
  scope: Scope,
  repoConfig: Config,
  ref: IssueRef,
  trigger: TriggerSource,
  options: ReconcileOptions = {},
): Promise<void> {
  // Reported after the issue's lock is released: it reads and writes another issue.
  let boardProblems: string[] | null = null;
  // The linked forum topic follows after the GitHub writes, outside the lock: never before them.
  let topicSync: TopicSyncRequest | null = null;
  let topicConfig: Config | null = null;
  const followUps = await reconcile(scope, {
    feature: "squad",
    subject: { ref, pullRequest: false, load: squadIssueRead(repoConfig) },
    apply: applyOptions(scope, repoConfig),
    load: async (issue): Promise<Loaded> => {
      // An issue in another journey is planned with that journey's phases, roles and cycle.
      const config = configForIssue(
        repoConfig,
        issue.labels.map((label) => label.name),
      );
      const resolved = typeof trigger === "function" ? await trigger(issue, config) : trigger;
      const search = options.searchRelated ? scope.services.search : undefined;
      const related: SimilarCandidate[] | undefined = await relatedForNewRequest(
        search,
        config,
        issue,
        scope.log,
      );
      const input: SquadPlanInput = {
        config,
        issue,
        trigger: resolved,
        now: scope.now(),
        commandsOn: scope.commandsOn(config),
        templates: scope.templates,
        ...(related ? { related } : {}),
      };
      // The board is read only for issues that are features: others cost no board request.
      const board = planSquad(input).state ? await loadRoadmapBoard(scope, config) : null;
      return { input, board };
    },
    plan: ({ input, board }) => {
      const plan = planSquad(input);
      const roadmap = planRoadmapSync(
        input.config,
        input.issue,
        plan.state,
        board,
        scope.templates,
      );
      return {
        actions: [...plan.actions, ...(roadmap ? roadmap.actions : [])],
        notes: [...plan.notes, ...(roadmap ? roadmap.notes : [])],
        cardCommentId: plan.cardCommentId,
        carry: { squad: plan, problems: roadmap?.problems ?? null },
      };
    },
    after: ({ loaded, plan, result, applied }): FollowUp[] => {
      afterRoadmapWrites(scope, repoConfig, result);
      const { squad, problems } = plan.carry;
      if (problems) boardProblems = problems;
      // Other issues follow only what this one now holds: not after a dry run or a failure.
      if (!applied) return [];
      const { issue, trigger: resolved } = loaded.input;
      const moved = squad.transitions.length > 0;
      if (squad.state && (moved || linksForum(resolved) || options.repairForum))
        topicSync = {
          ref,
          issue: { url: issue.url, title: issue.title },
          state: squad.state,
          transitions: moved ? squad.transitions : [],
          ...(options.repairForum ? { repair: true } : {}),
        };
      // The topic's posts name the phases of the issue's own journey.
      topicConfig = loaded.input.config;
      return linkFollowUps({
        config: loaded.input.config,
        issue,
        trigger: resolved,
        state: squad.state,
        moved,
      });
    },
  });
  if (boardProblems) await scope.reportRunning(ref, repoConfig, boardProblems);
  if (topicSync) await syncLinkedTopic(scope, topicConfig ?? repoConfig, topicSync);
  // Run after the lock is released: an issue lock is never held while waiting for another.
  const depth = options.depth ?? 0;
  if (!followUps || followUps.length === 0 || depth >= MAX_LINK_DEPTH) return;
  await runFollowUps(scope, followUps, (linked, followUp) =>
    reconcileFeature(scope, linked, followUp.ref, followUp.trigger, { depth: depth + 1 }),
  );
}

/** A `/link forum` command: the topic gets its bot post at once, not at the next phase move. */
function linksForum(trigger: Trigger): boolean {
  return (
    trigger.kind === "comment" &&
    trigger.commands.some((c) => c.command.kind === "link" && c.command.linkKind === "forum")
  );
}
