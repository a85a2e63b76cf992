/**
 * The squad journey's webhooks: an issue's recognition, label-driven phase moves and its card,
 * and a published release moving the features its notes reference.
 */
import { allPhaseLabels, configForIssue } from "../../config/journeys.js";
import type { Config } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import { featureRefsInRelease } from "../community/release-refs.js";
import type { Scope } from "../feature.js";
import type { IssueHint, ReleaseHint } from "../hints.js";
import { looksLikeFeatureRequest } from "./recognize.js";
import { reconcileFeature } from "./reconcile.js";
import type { Trigger } from "./trigger.js";

const HANDLED = new Set(["opened", "edited", "reopened", "closed", "labeled", "unlabeled"]);

/** Labels squad-bot cares about; any other label change cannot change a feature. */
function labelMatters(config: Config, name: string): boolean {
  return (
    allPhaseLabels(config).some((l) => sameName(l, name)) ||
    config.recognize.labels.some((l) => sameName(l, name)) ||
    config.journeys.some(
      (j) => sameName(j.label, name) || j.recognize.labels.some((l) => sameName(l, name)),
    ) ||
    (config.labels.blocked !== null && sameName(config.labels.blocked, name)) ||
    (config.roadmap?.addOnLabels.some((l) => sameName(l, name)) ?? false)
  );
}

/** Cheap decisions from the hint and config alone, so unrelated events cost no further request. */
function worthLoading(config: Config, hint: IssueHint): boolean {
  if (hint.action === "labeled" || hint.action === "unlabeled") {
    return hint.label !== null && labelMatters(config, hint.label);
  }
  if (hint.action === "opened") {
    const own = configForIssue(config, hint.labels);
    return looksLikeFeatureRequest(own, hint.labels, hint.body);
  }
  return true;
}

export const wantsIssue = (hint: IssueHint): boolean => HANDLED.has(hint.action);

export async function onSquadIssue(scope: Scope, hint: IssueHint, config: Config | null) {
  if (!config || !worthLoading(config, hint)) return;
  const trigger: Trigger =
    (hint.action === "labeled" || hint.action === "unlabeled") && hint.label !== null
      ? { kind: hint.action, label: hint.label, actor: hint.sender }
      : { kind: "reconcile", actor: hint.sender };
  await reconcileFeature(scope, config, { ...hint.repo, number: hint.number }, trigger, {
    searchRelated: true,
  });
}

const RELEASE_PHASE = "release";

/** The phase a feature waits in for a release (Testing; Review in the cht preset), and Release. */
function releaseStep(config: Config) {
  const index = config.phases.findIndex((p) => p.id === RELEASE_PHASE);
  const from = index > 0 ? config.phases[index - 1] : undefined;
  const to = config.phases[index];
  return from && to ? { from, to } : null;
}

/** References grouped by repository; only the release's own organization, which we are installed in. */
function refsByRepo(refs: IssueRef[], owner: string): Map<string, IssueRef[]> {
  const groups = new Map<string, IssueRef[]>();
  for (const ref of refs.filter((r) => sameName(r.owner, owner))) {
    const key = `${ref.owner}/${ref.repo}`.toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), ref]);
  }
  return groups;
}

/**
 * The features a release references that wait in the phase before Release, per repository, with
 * that repository's config: one listing request per repository, since notes list many bug fixes.
 */
export function waitingForRelease(
  scope: Scope,
  hint: ReleaseHint,
): Promise<{ config: Config; refs: IssueRef[] }[]> {
  // The squad's moves and the community's early access read the same listing once.
  return scope.once("release:waiting", () => readWaiting(scope, hint));
}

async function readWaiting(
  scope: Scope,
  hint: ReleaseHint,
): Promise<{ config: Config; refs: IssueRef[] }[]> {
  const refs = featureRefsInRelease(hint.release.body, hint.release.repo);
  const found: { config: Config; refs: IssueRef[] }[] = [];
  for (const group of refsByRepo(refs, hint.release.repo.owner).values()) {
    const [first] = group;
    if (!first) continue;
    const repo: RepoRef = { owner: first.owner, repo: first.repo };
    const config = await scope.config(repo);
    const step = config && releaseStep(config);
    if (!config || !step?.from.label) continue;
    const waiting = await scope.port.listIssuesWithLabel(repo, step.from.label, "open");
    const numbers = new Set(waiting.map((issue) => issue.number));
    found.push({ config, refs: group.filter((r) => numbers.has(r.number)) });
  }
  return found;
}

/** Final releases only: a beta is early access, not the release of the feature. */
export async function onSquadRelease(scope: Scope, hint: ReleaseHint): Promise<void> {
  if (hint.release.prerelease) return;
  for (const { config, refs } of await waitingForRelease(scope, hint)) {
    const step = releaseStep(config);
    if (!step) continue;
    for (const ref of refs) {
      await reconcileFeature(scope, config, ref, {
        kind: "release",
        phase: step.to.id,
        actor: hint.sender,
        release: { name: hint.release.name, url: hint.release.url },
      });
    }
  }
}
