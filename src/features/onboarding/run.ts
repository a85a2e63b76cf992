/**
 * The onboarding runners: keep the one onboarding issue written (created on the first event of a
 * repository squad-bot waits in, refreshed when the config changes), read a person's ticks, and
 * run a requested adoption. Every write goes through `planOnboarding` and the repo executor,
 * under one lock per repository, from a fresh read: redeliveries and racing events find the
 * issue and write no second one.
 */
import type { Config } from "../../config/schema.js";
import { DAY_MS } from "../../core/time.js";
import type { RepoRef } from "../../github/types.js";
import { reconcileRepo } from "../../reconcile/repo.js";
import type { Scope } from "../feature.js";
import { reconcileFeature } from "../squad/reconcile.js";
import { type AdoptionReport, adoptCandidates, backlogCandidates } from "./adopt.js";
import { loadOnboardingRead } from "./load.js";
import { MAY_DECIDE, newTicks, type OnboardingEdit, planOnboarding } from "./plan.js";
import type { BacklogPreview } from "./preview.js";
import type { AdoptionRecord, OnboardingRecord, OnboardingStatus } from "./status.js";

const repoKey = (repo: RepoRef) => `${repo.owner}/${repo.repo}`.toLowerCase();

interface Change {
  /** A person edited the onboarding issue. */
  sender?: string;
  /** An adoption run's outcome, and the backlog it leaves (no second listing). */
  adopted?: { cards: number; done: boolean; backlog: BacklogPreview | null };
}

/** The backlog box's window (or the requested adoption's), listed for the preview. */
async function previewBacklog(
  scope: Scope,
  config: Config,
  repo: RepoRef,
  record: OnboardingRecord,
): Promise<BacklogPreview | null> {
  const recent = scope.services.recent;
  if (!recent) return null;
  const days = config.onboarding.adopt.updatedWithinDays;
  const since = record.adopt
    ? new Date(record.adopt.since)
    : new Date(scope.now().getTime() - days * DAY_MS);
  try {
    return { days, candidates: await backlogCandidates(recent, config, repo, since) };
  } catch (error) {
    scope.log.warn({ err: error, repo }, "could not list the backlog for the onboarding issue");
    return null;
  }
}

/** Writes the onboarding issue as it should now read; returns the record kept and the status. */
async function writeOnboarding(scope: Scope, repo: RepoRef, config: Config, change: Change) {
  return scope.lock.run(`onboarding:${repoKey(repo)}`, async () => {
    const dryRun = scope.dryRun(config);
    const { plan, result } = await reconcileRepo(scope, {
      feature: "onboarding",
      about: { repo },
      apply: { dryRun },
      load: async () => {
        const read = await loadOnboardingRead(scope.port, repo, config);
        let edit: OnboardingEdit | undefined;
        if (change.sender !== undefined) {
          // Permission is asked only when the edit ticked something new: one request, then.
          const asks = newTicks(read).length > 0;
          const permission = asks ? await scope.port.getPermission(repo, change.sender) : "none";
          edit = { sender: change.sender, permitted: MAY_DECIDE.includes(permission) };
        }
        const record = read.kept?.record ?? {};
        const backlog = change.adopted
          ? change.adopted.backlog
          : await previewBacklog(scope, config, repo, record);
        return { read, edit, backlog };
      },
      plan: ({ read, edit, backlog }) =>
        planOnboarding({
          repo,
          config,
          read,
          backlog,
          now: scope.now(),
          templates: scope.templates,
          ...(edit ? { edit } : {}),
          ...(change.adopted ? { adopted: change.adopted } : {}),
        }),
    });
    const opened = result.outcomes[0]?.status === "written" ? result.outcomes[0].issue : undefined;
    const status: OnboardingStatus = {
      ...plan.status,
      issue: plan.status.issue ?? opened?.number ?? null,
    };
    if (!dryRun && result.failures.length === 0) scope.storeOnboarding(repo, status);
    if (dryRun) planned(scope).add(repoKey(repo));
    return { plan, status };
  });
}

/** Repositories whose onboarding issue a dry run planned: planned once per process, not per event. */
const planned = (scope: Scope) => scope.shared("onboarding:planned", () => new Set<string>());

/** Writes the onboarding issue where squad-bot waits and none was written yet; else nothing, free. */
export async function ensureOnboarding(scope: Scope, repo: RepoRef): Promise<void> {
  // Every event of an accepted repository passes here: it costs no config read.
  if (scope.onboardingDone(repo)) return;
  const entry = await scope.onboarding(repo);
  if (!entry || entry.status.accepted || entry.status.issue !== null) return;
  if (planned(scope).has(repoKey(repo))) return;
  await writeOnboarding(scope, repo, entry.config, {});
}

/** The configuration changed: a waiting onboarding issue shows the new preview. */
export async function refreshOnboarding(scope: Scope, repo: RepoRef): Promise<void> {
  const entry = await scope.onboarding(repo);
  if (!entry || entry.status.accepted) return;
  await writeOnboarding(scope, repo, entry.config, {});
}

/** A person edited the onboarding issue: a new tick accepts, or asks for the backlog. */
export async function onOnboardingEdit(scope: Scope, repo: RepoRef, sender: string): Promise<void> {
  const entry = await scope.onboarding(repo);
  if (!entry) return;
  const { plan } = await writeOnboarding(scope, repo, entry.config, { sender });
  if (plan.adoptionRequested && plan.record.adopt) {
    await continueAdoption(scope, repo, entry.config, plan.record.adopt);
  }
}

/** One adoption run: at most `perRun` cards, then the issue says how far it got. */
async function continueAdoption(
  scope: Scope,
  repo: RepoRef,
  config: Config,
  adopt: AdoptionRecord,
): Promise<AdoptionReport | null> {
  const recent = scope.services.recent;
  if (!recent || adopt.done) return null;
  const days = config.onboarding.adopt.updatedWithinDays;
  const candidates = await backlogCandidates(recent, config, repo, new Date(adopt.since));
  const actor = adopt.requestedBy;
  const report = await adoptCandidates(
    { reconcile: (ref) => reconcileFeature(scope, config, ref, { kind: "reconcile", actor }) },
    repo,
    candidates,
    config.onboarding.adopt.perRun,
  );
  const tried = new Set([...report.carded, ...report.failed.map((f) => f.number)]);
  const backlog = { days, candidates: candidates.filter((c) => !tried.has(c.number)) };
  const done = report.left === 0 && report.failed.length === 0;
  await writeOnboarding(scope, repo, config, {
    adopted: { cards: report.carded.length, done, backlog },
  });
  scope.log.info({ repo, ...report }, "adopted part of the backlog");
  return report;
}

/** The scheduled run: a waiting repository gets its issue, a requested adoption continues. */
export async function runOnboardingJob(scope: Scope, repo: RepoRef): Promise<void> {
  const entry = await scope.onboarding(repo);
  if (!entry) return;
  const { status, config } = entry;
  if (!status.accepted) await ensureOnboarding(scope, repo);
  else if (status.adoption && !status.adoption.done) {
    await continueAdoption(scope, repo, config, status.adoption);
  }
}
