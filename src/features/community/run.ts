/**
 * The community journey's runners, one per event kind, for the Probot handlers to call. They
 * record in the store (which settles "first" and "once") and return comment actions with once-keys
 * for the caller to apply to `target` through the shared executor.
 */

import type { Action } from "../../actions/action.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { IssueRef } from "../../github/types.js";
import type { CommunityConfig, Milestone } from "./config.js";
import { milestoneKey, milestonesReached, renderMilestone } from "./milestones.js";
import { nextStepMilestone, planNextStep } from "./next-step.js";
import {
  loadGoodFirstIssues,
  opportunityLines,
  type SquadCandidate,
  squadsSeekingMembers,
} from "./opportunities.js";
import type { ContributionInput } from "./payloads.js";
import { isInsider, isPerson } from "./people.js";
import type { CommunityPort } from "./port.js";
import { nextStage, stageOf } from "./stages.js";
import type { CommunityStore, WelcomeKind } from "./store.js";
import { renderWelcome, welcomeCandidate, welcomeKey } from "./welcome.js";

export interface CommunityDeps {
  store: CommunityStore;
  port: CommunityPort;
  config: CommunityConfig;
  /** The configured squad phases in order, for "squads seeking members". */
  phases: { id: string; name: string }[];
  /** Open features with their card state; called only when a welcome is about to be written. */
  squads: () => Promise<SquadCandidate[]>;
  /** The roles of the repository's `governance` section, for the next step; empty without one. */
  governanceRoles?: string[];
  now: Date;
  templates: Templates;
}

export interface CommunityPlan {
  /** Where the actions go: the issue or pull request of the contribution. */
  target: IssueRef | null;
  actions: Action[];
  notes: string[];
  stage: { from: string; to: string } | null;
}

const nothing = (note: string): CommunityPlan => ({
  target: null,
  actions: [],
  notes: [note],
  stage: null,
});

/** For every delivery of the five contribution events, once parsed by `parseContribution`. */
export async function handleContribution(
  deps: CommunityDeps,
  input: ContributionInput,
): Promise<CommunityPlan> {
  const { store, config } = deps;
  const { event, author } = input;
  if (!isPerson(author)) return nothing(`${author.login} is not a person`);
  // A redelivery is planned again: its counts are the ones the first delivery saw (unless the
  // person did more since), its welcome and milestone claims hold for its url, and the executor
  // posts only a message still missing, so one whose write failed goes out now.
  const recorded = await store.recordContribution(event);
  const notes: string[] = recorded.inserted ? [] : ["already recorded: planned again"];
  const actions: Action[] = [];
  const welcome = welcomeCandidate(config.welcome, event.kind, recorded.counts);
  const milestones = milestonesReached(config.milestones, event.kind, recorded.counts);
  const contributor = await store.getContributor(event.org, event.login);
  const quiet = contributor?.quiet ?? false;
  // One membership check at most, and only at a moment that could earn a comment.
  let knownInsider: boolean | undefined;
  const isInsiderOnce = async () => {
    knownInsider ??= await isInsider(deps.port, input.target, author);
    return knownInsider;
  };
  const insider = welcome || milestones.length > 0 ? await isInsiderOnce() : false;
  if (insider) notes.push(`${author.login} is a member or collaborator: no welcome or milestone`);
  if (quiet) notes.push(`${author.login} asked for quiet: no mention`);

  let mergeWelcomed = false;
  if (welcome && !insider && !quiet) {
    const url = event.url ?? "";
    if (await store.claimWelcome(event.org, event.login, welcome, url)) {
      actions.push({
        type: "comment",
        key: welcomeKey(welcome, event.login),
        body: await welcomeBody(deps, input, welcome, notes),
      });
      mergeWelcomed = welcome === "first-merge";
    } else {
      notes.push(`${welcome} welcome already claimed`);
    }
  }
  if (!insider) {
    for (const milestone of milestones) {
      const action = await milestoneAction(
        deps,
        input,
        milestone,
        quiet || coveredBy(mergeWelcomed, milestone),
      );
      if (action) actions.push(action);
    }
  }

  const stage = await recordStage(
    deps,
    input,
    contributor?.stage ?? "initial-interaction",
    recorded.counts,
  );
  const reached = stage?.to ?? contributor?.stage ?? null;
  if (reached && !quiet) {
    const next = await nextStepAction(deps, input, reached, isInsiderOnce, notes);
    if (next) actions.push(next);
  }
  return { target: input.target, actions, notes, stage };
}

/**
 * The next step, once per person and stage: claimed in the store for this contribution, so a
 * redelivery whose comment was lost plans it again and any later contribution does not.
 */
async function nextStepAction(
  deps: CommunityDeps,
  input: ContributionInput,
  stage: string,
  isInsiderOnce: () => Promise<boolean>,
  notes: string[],
): Promise<Action | null> {
  const settings = deps.config.nextStep;
  if (!settings.enabled || !(settings.stages as readonly string[]).includes(stage)) return null;
  const { event } = input;
  // Members and collaborators already know the way in; the question is for the community.
  if (await isInsiderOnce()) return null;
  const claimed = await deps.store.recordMilestone(
    event.org,
    event.login,
    nextStepMilestone(stage),
    event.at,
    event.url ?? undefined,
  );
  if (!claimed) return null;
  const squads = await orEmpty(() => deps.squads(), notes);
  const login = event.login.toLowerCase();
  const seeking = squadsSeekingMembers(
    squads.filter(
      (s) => ![s.state.lead, ...s.state.members].some((p) => p?.toLowerCase() === login),
    ),
    deps.phases,
    deps.config.welcome.squads,
  );
  return planNextStep({
    login: event.login,
    org: event.org,
    stage,
    squads: opportunityLines([], seeking, deps.templates),
    governanceRoles: deps.governanceRoles ?? [],
    templates: deps.templates,
  });
}

/** The first-merge welcome already congratulates the first merged pull request. */
const coveredBy = (firstMergeWelcomed: boolean, m: Milestone) =>
  firstMergeWelcomed && m.kind === "pr-merged" && m.count === 1;

async function milestoneAction(
  deps: CommunityDeps,
  input: ContributionInput,
  milestone: Milestone,
  silent: boolean,
): Promise<Action | null> {
  const { event } = input;
  const reached = await deps.store.recordMilestone(
    event.org,
    event.login,
    milestone.name,
    event.at,
    event.url ?? undefined,
  );
  if (!reached || silent) return null;
  return {
    type: "comment",
    key: milestoneKey(event.login, milestone),
    body: renderMilestone({
      login: event.login,
      org: event.org,
      milestone,
      templates: deps.templates,
    }),
  };
}

/** Opportunities are a bonus: if one cannot be read, the welcome goes out without it. */
async function orEmpty<T>(read: () => Promise<T[]>, notes: string[]): Promise<T[]> {
  try {
    return await read();
  } catch (error) {
    notes.push(`opportunities left out: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

async function welcomeBody(
  deps: CommunityDeps,
  input: ContributionInput,
  kind: WelcomeKind,
  notes: string[],
): Promise<string> {
  const { welcome } = deps.config;
  const { target } = input;
  const [issues, squads] = await Promise.all([
    orEmpty(() => loadGoodFirstIssues(deps.port, input.event.org, welcome.goodFirstIssues), notes),
    orEmpty(() => (welcome.squads.limit > 0 ? deps.squads() : Promise.resolve([])), notes),
  ]);
  // The issue being welcomed may itself be a good first issue or a forming squad (the
  // newcomer's own request): pointing back at it, or at a squad they are in, is noise.
  const elsewhere = issues.filter(
    (i) => !(i.number === target.number && i.repo.repo === target.repo),
  );
  const login = input.event.login.toLowerCase();
  const othersSquads = squads.filter(
    (s) =>
      !(s.ref && s.ref.number === target.number && sameName(s.ref.repo, target.repo)) &&
      ![s.state.lead, ...s.state.members].some((p) => p?.toLowerCase() === login),
  );
  return renderWelcome({
    kind,
    login: input.event.login,
    org: input.event.org,
    repo: target,
    config: welcome,
    opportunities: opportunityLines(
      elsewhere,
      squadsSeekingMembers(othersSquads, deps.phases, welcome.squads),
      deps.templates,
    ),
    templates: deps.templates,
  });
}

async function recordStage(
  deps: CommunityDeps,
  input: ContributionInput,
  current: string,
  totals: Parameters<typeof stageOf>[2]["totals"],
): Promise<CommunityPlan["stage"]> {
  const { store, config, now } = deps;
  const { org, login } = input.event;
  const computed = await stageOf(store, config.stages, { org, login, totals, now });
  const to = nextStage(current, computed, config.stages.demote);
  if (!to) return null;
  const changed = await store.setStage(org, login, to, { at: now, reason: `rule:${to}` });
  return changed ? { from: current, to } : null;
}
