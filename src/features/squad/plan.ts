/**
 * The squad planner: from an issue as GitHub holds it and what just happened, the state the
 * feature should be in and the actions that get GitHub there. Pure; see DESIGN.md.
 */
import type { Action } from "../../actions/action.js";
import type { CommandKind } from "../../commands/specs.js";
import type { Config, Phase } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSnapshot } from "../../github/types.js";
import type { SimilarCandidate } from "../similar/port.js";
import { duplicateActions, followLink } from "../squad-links/follow.js";
import { applyCommands, type CommandOutcome } from "./apply-commands.js";
import { renderCard } from "./card.js";
import { findCard } from "./card-state.js";
import { runsInSquad } from "./command-kinds.js";
import { criteriaForEntering, evaluateCriteria } from "./criteria.js";
import { intakeSection, relatedOf } from "./intake.js";
import { adoptLabelChanges, labelActions, pickPhaseLabel } from "./labels.js";
import { planTransitionNotice } from "./notice-plan.js";
import { looksLikeFeatureRequest, nextPhase, phaseById, phaseOfLabel } from "./recognize.js";
import { commandKey, renderCommandReplies } from "./replies.js";
import { type FeatureState, HANDLED_LIMIT, newFeatureState, type RoadmapEvent } from "./state.js";
import { enterPhase, type Transition } from "./transitions.js";
import type { Trigger } from "./trigger.js";

export type { Trigger } from "./trigger.js";

export interface SquadPlanInput {
  config: Config;
  issue: IssueSnapshot;
  trigger: Trigger;
  now: Date;
  /** Earlier issues that may be the same request, found by intake when the request arrived. */
  related?: SimilarCandidate[];
  /** The commands of the features on in this repository, for `/help`; all of them when absent. */
  commandsOn?: readonly CommandKind[];
  /** Every text the plan writes (card, replies, notices). */
  templates: Templates;
}

export interface SquadPlan {
  actions: Action[];
  notes: string[];
  state: FeatureState | null;
  cardCommentId: string | null;
  transitions: Transition[];
}

/** Commands another feature runs (`/quiet`) are not the squad's: no reaction, reply or handled key. */
function squadTrigger(trigger: Trigger): Trigger {
  if (trigger.kind !== "comment") return trigger;
  const commands = trigger.commands.filter(
    (c) => c.command.kind === "invalid" || runsInSquad(c.command.kind),
  );
  return commands.length === trigger.commands.length ? trigger : { ...trigger, commands };
}

export function planSquad(planInput: SquadPlanInput): SquadPlan {
  const input = { ...planInput, trigger: squadTrigger(planInput.trigger) };
  const { config, issue, trigger, now, templates } = input;
  const at = now.toISOString();
  const labels = issue.labels.map((l) => l.name);
  const search = findCard(issue.comments);
  const notes: string[] = [];
  const actions: Action[] = search.duplicates.map((commentId) => ({
    type: "deleteComment" as const,
    commentId,
    why: "a second card for the same feature",
  }));
  let state = search.card?.state ?? null;
  const transitions: Transition[] = [];

  if (search.unreadable) notes.push("the card's state could not be read; it is rebuilt");
  if (state === null) {
    const startsByCommand =
      trigger.kind === "comment" &&
      trigger.actor.maintainer &&
      trigger.commands.some((c) => c.command.kind === "phase");
    // A person placing the issue in a stage of the roadmap board has declared it a feature.
    const startsOnBoard = trigger.kind === "project";
    // A squad issue the bot opened for a feature is a feature from the start.
    const startsAsSquad = trigger.kind === "adopt" && trigger.as === "squad";
    if (
      !looksLikeFeatureRequest(config, labels, issue.body) &&
      !startsByCommand &&
      !startsOnBoard &&
      !startsAsSquad
    ) {
      return notAFeature(input, actions, notes);
    }
    const labelled = pickPhaseLabel(config, labels, trigger);
    const onBoard = trigger.kind === "project" ? phaseById(config, trigger.phase) : undefined;
    const first = onBoard ?? labelled ?? (config.phases[0] as Phase);
    const by = trigger.kind === "comment" ? trigger.actor.login : trigger.actor;
    const via = onBoard ? "project" : labelled ? "label" : "recognition";
    state = { ...newFeatureState(first.id, at, by, via), ...relatedOf(input.related) };
    transitions.push({ from: null, to: first.id, by, via });
    notes.push(`recognised as a feature request; enters ${first.name}`);
  } else {
    // A label that disagrees with the card is a person's change (its webhook lost or still on
    // the way), so a comment adopts it too, before its commands run, instead of reverting it.
    const labelTrigger =
      trigger.kind === "comment"
        ? { kind: "reconcile" as const, actor: trigger.actor.login }
        : trigger;
    const byPeople = labels.filter(
      (l) => !search.racedPhases.includes(phaseOfLabel(config, l)?.id ?? ""),
    );
    const adopted = adoptLabelChanges(config, state, byPeople, labelTrigger, at, templates);
    state = adopted.state;
    transitions.push(...adopted.transitions);
    // A board move and a release name the phase themselves; history says which it was.
    const named = trigger.kind === "project" || trigger.kind === "release" ? trigger : undefined;
    const moved = named ? phaseById(config, named.phase) : undefined;
    if (named && moved && moved.id !== state.phase) {
      transitions.push({ from: state.phase, to: moved.id, by: named.actor, via: named.kind });
      state = enterPhase(state, moved, { at, by: named.actor, via: named.kind }, config);
    }
  }
  state = followLink(state, trigger);
  state = inJourney(state, config.journey);
  const roadmapEvent = roadmapEventOf(config, trigger);
  if (roadmapEvent) state = { ...state, roadmap: { ...roadmapEvent, at } };

  if (trigger.kind === "comment") {
    const fresh = trigger.commands.filter(
      (c) => !state?.handled.includes(commandKey(trigger.commentDatabaseId, c)),
    );
    if (fresh.length < trigger.commands.length) notes.push("some commands were already handled");
    const result = applyCommands(state, fresh, {
      config,
      actor: trigger.actor,
      issueBody: issue.body,
      at,
      links: trigger.links,
      accounts: trigger.accounts,
      templates,
    });
    state = {
      ...result.state,
      handled: [
        ...result.state.handled,
        ...fresh.map((c) => commandKey(trigger.commentDatabaseId, c)),
      ].slice(-HANDLED_LIMIT),
    };
    transitions.push(...result.transitions);
    actions.push(...commandFeedback(input, trigger, result.outcomes));
    const by = trigger.actor.login;
    actions.push(...duplicateActions(issue, state, fresh, result.outcomes, by, templates));
  }

  actions.push(...labelActions(config, state, labels));
  // A plan that closes the issue (`/duplicate`) shows it closed at once, not one event later.
  const closing = actions.some((a) => a.type === "closeIssue");
  const shown: IssueSnapshot = closing ? { ...issue, state: "closed" } : issue;
  const notice = planTransitionNotice(input, state, transitions);
  state = notice.state;
  actions.push({ type: "upsertCard", body: cardBody(input, shown, state) });
  if (notice.action) actions.push(notice.action);
  return {
    actions,
    notes,
    state,
    cardCommentId: search.card?.commentId ?? search.unreadable,
    transitions,
  };
}

/** Which journey the card follows, recorded for readers of cards (digests, the dashboard). */
function inJourney(state: FeatureState, journey: string | undefined): FeatureState {
  if (state.journey === journey) return state;
  const { journey: _left, ...rest } = state;
  return journey === undefined ? rest : { ...rest, journey };
}

function notAFeature(input: SquadPlanInput, actions: Action[], notes: string[]): SquadPlan {
  const { trigger } = input;
  notes.push("not a feature request");
  if (trigger.kind === "comment") {
    const outcomes: CommandOutcome[] = trigger.commands.map((c) =>
      c.command.kind === "help"
        ? { line: c.line, status: "help" }
        : {
            line: c.line,
            status: "refused",
            reason: input.templates.message("refuse.notFeature", {
              labels: input.config.recognize.labels.map((l) => `\`${l}\``).join(", "),
              first: input.config.phases[0]?.id ?? "",
            }),
          },
    );
    actions.push(...commandFeedback(input, trigger, outcomes));
  }
  return { actions, notes, state: null, cardCommentId: null, transitions: [] };
}

/** What a person did to the roadmap item; adding a configured label counts as adding it. */
function roadmapEventOf(
  config: Config,
  trigger: Trigger,
): { event: RoadmapEvent; by: string } | null {
  if (trigger.kind === "projectItem") return { event: trigger.event, by: trigger.actor };
  const addOn = config.roadmap?.addOnLabels ?? [];
  if (trigger.kind === "labeled" && addOn.some((label) => sameName(label, trigger.label))) {
    return { event: "added", by: trigger.actor };
  }
  return null;
}

function commandFeedback(
  { commandsOn, templates }: SquadPlanInput,
  trigger: Extract<Trigger, { kind: "comment" }>,
  outcomes: CommandOutcome[],
): Action[] {
  const actions: Action[] = [];
  if (outcomes.some((o) => o.status === "applied")) {
    actions.push({ type: "react", commentId: trigger.commentId, content: "THUMBS_UP" });
  }
  const reply = renderCommandReplies(trigger.actor.login, outcomes, templates, commandsOn);
  if (reply)
    actions.push({ type: "comment", key: reply.key(trigger.commentDatabaseId), body: reply.body });
  return actions;
}

function cardBody(input: SquadPlanInput, issue: IssueSnapshot, state: FeatureState): string {
  const { config, now, templates } = input;
  const current = phaseById(config, state.phase);
  const next = current ? nextPhase(config, current) : null;
  // The next phase is a move still to come, which will need a reason of its own.
  const evaluate = (from: Phase | null, to: Phase, move: boolean) =>
    evaluateCriteria(criteriaForEntering(config, from?.id ?? "", to.id), {
      state,
      issueBody: issue.body,
      ...(move ? { transitionNote: null } : {}),
      templates,
    });
  const previous = phaseById(config, state.history[state.history.length - 2]?.phase ?? "");
  // Board and config problems go to maintainers (the config issue); this one is the squad's to fix.
  const problems = current ? [] : [templates.message("card.unknownPhase", { phase: state.phase })];
  return renderCard({
    intake: intakeSection(config, issue, state, templates),
    config,
    state,
    issue: {
      title: issue.title,
      url: issue.url,
      author: issue.author,
      state: issue.state,
      thumbsUp: issue.thumbsUp,
      repo: `${issue.ref.owner}/${issue.ref.repo}`,
    },
    now,
    next: next && current ? { phase: next, results: evaluate(current, next, true) } : null,
    warnings: current ? evaluate(previous ?? null, current, false).filter((r) => !r.met) : [],
    problems,
    templates,
  });
}
