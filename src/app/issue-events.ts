/** `issues` webhooks: recognition, label-driven phase moves, and reconciling a feature's card. */
import type { Context } from "probot";
import { execute } from "../actions/executor.js";
import type { Config } from "../config/schema.js";
import {
  afterRoadmapWrites,
  planRoadmapSync,
  type RoadmapDeps,
  roadmapLoadOptions,
} from "../features/roadmap/sync.js";
import type { SimilarSearchPort } from "../features/similar/port.js";
import { planSquad, type Trigger } from "../features/squad/plan.js";
import { looksLikeFeatureRequest, phaseOfLabel } from "../features/squad/recognize.js";
import { type FollowUp, linkFollowUps } from "../features/squad-links/follow-ups.js";
import type { GitHubPort } from "../github/port.js";
import type { IssueRef, IssueSnapshot } from "../github/types.js";
import { isOwnEvent, openRepo, parsePayload } from "./delivery.js";
import { relatedForNewRequest } from "./intake.js";
import { type IssuePayload, issuePayload, repoOf } from "./payloads.js";
import { installationOf, issueKey, type Runtime } from "./runtime.js";
import { runFollowUps } from "./squad-links.js";

/** Follow-ups of follow-ups run too (a squad issue's requests), but no deeper: links cannot loop. */
const MAX_LINK_DEPTH = 2;

const HANDLED = new Set(["opened", "edited", "reopened", "closed", "labeled", "unlabeled"]);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Labels squad-bot cares about; any other label change cannot change a feature. */
function labelMatters(config: Config, name: string): boolean {
  return (
    phaseOfLabel(config, name) !== undefined ||
    config.recognize.labels.some((l) => same(l, name)) ||
    (config.labels.blocked !== null && same(config.labels.blocked, name)) ||
    (config.roadmap?.addOnLabels.some((l) => same(l, name)) ?? false)
  );
}

export async function onIssueEvent(runtime: Runtime, context: Context): Promise<void> {
  const payload = parsePayload(issuePayload, context, "issues");
  if (!payload || !HANDLED.has(payload.action) || payload.issue.pull_request) return;
  if (await isOwnEvent(runtime, payload.sender.login)) return;
  const repo = repoOf(payload);
  const opened = await openRepo(runtime, context, repo);
  if (!opened) return;
  const { port, config } = opened;
  if (!worthLoading(config, payload)) return;
  const trigger: Trigger =
    (payload.action === "labeled" || payload.action === "unlabeled") && payload.label
      ? { kind: payload.action, label: payload.label.name, actor: payload.sender.login }
      : { kind: "reconcile", actor: payload.sender.login };
  await reconcileIssue(
    runtime,
    context,
    port,
    config,
    { ...repo, number: payload.issue.number },
    trigger,
    runtime.deps.searchFor?.(context),
  );
}

/** Cheap decisions from the payload alone, so unrelated events cost no request. */
function worthLoading(config: Config, payload: IssuePayload): boolean {
  if (payload.action === "labeled" || payload.action === "unlabeled") {
    return payload.label !== undefined && labelMatters(config, payload.label.name);
  }
  if (payload.action === "opened") {
    const labels = (payload.issue.labels ?? []).map((l) => l.name);
    return looksLikeFeatureRequest(config, labels, payload.issue.body ?? "");
  }
  return true;
}

export async function reconcileIssue(
  runtime: Runtime,
  context: Pick<Context, "log" | "payload">,
  port: GitHubPort,
  config: Config,
  ref: IssueRef,
  trigger: Trigger | ((issue: IssueSnapshot) => Promise<Trigger>),
  search?: SimilarSearchPort,
  depth = 0,
): Promise<void> {
  const followUps = await runtime.lock.run(
    issueKey(ref, ref.number),
    async (): Promise<FollowUp[]> => {
      const stopTimer = runtime.deps.metrics?.reconcileSeconds.startTimer();
      const labelNames = [
        ...config.phases.map((p) => p.label),
        ...(config.labels.blocked ? [config.labels.blocked] : []),
      ];
      const issue = await port.loadIssue(ref, { labelNames, ...roadmapLoadOptions(config) });
      if (!issue) return [];
      const resolved = typeof trigger === "function" ? await trigger(issue) : trigger;
      const related = await relatedForNewRequest(search, config, issue, context.log);
      const input = { config, issue, trigger: resolved, now: runtime.deps.now(), related };
      let plan = planSquad(input);
      const roadmapDeps: RoadmapDeps = {
        port,
        boards: runtime.boards,
        installation: installationOf(context.payload),
        log: context.log,
      };
      const roadmap = plan.state && (await planRoadmapSync(roadmapDeps, config, issue, plan.state));
      // Problems go on the card; planning again is cheap (pure) and keeps the card one write.
      if (roadmap && roadmap.problems.length > 0) {
        plan = planSquad({ ...input, problems: () => roadmap.problems });
      }
      const actions = [...plan.actions, ...(roadmap ? roadmap.actions : [])];
      const result = await execute(port, issue, actions, {
        dryRun: runtime.deps.dryRun || config.dryRun,
        protectedLabels: config.labels.protected,
        labelColor: config.labels.color,
        cardCommentId: plan.cardCommentId,
      });
      afterRoadmapWrites(roadmapDeps, config, result);
      const log = {
        issue: ref,
        notes: [...plan.notes, ...(roadmap ? roadmap.notes : [])],
        ops: result.ops.map((o) => o.op),
        skipped: result.skipped.length,
      };
      if (result.failures.length > 0)
        context.log.error({ ...log, failures: result.failures }, "some writes failed");
      else
        context.log.info(
          log,
          runtime.deps.dryRun || config.dryRun ? "dry run: planned" : "reconciled",
        );
      stopTimer?.();
      // Other issues are updated only from what this one now holds, so not after a dry run or failure.
      const applied = !(runtime.deps.dryRun || config.dryRun) && result.failures.length === 0;
      const moved = plan.transitions.length > 0;
      return applied
        ? linkFollowUps({ config, issue, trigger: resolved, state: plan.state, moved })
        : [];
    },
  );
  // Run after the lock is released: an issue lock is never held while waiting for another.
  if (followUps.length === 0 || depth >= MAX_LINK_DEPTH) return;
  await runFollowUps({ runtime, port, log: context.log }, followUps, (linked, followUp) =>
    reconcileIssue(
      runtime,
      context,
      port,
      linked,
      followUp.ref,
      followUp.trigger,
      undefined,
      depth + 1,
    ),
  );
}
