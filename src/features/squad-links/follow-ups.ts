/**
 * After one issue's reconcile, which other issues need one of their own: the target of a
 * `/duplicate`, the squad issue of a `/squad propose`, and the requests of a squad issue whose
 * phase changed. Pure; the app runs them one after another, never holding two issue locks.
 */

import type { Config } from "../../config/schema.js";
import type { IssueRef, IssueSnapshot } from "../../github/types.js";
import { phaseById } from "../squad/recognize.js";
import type { FeatureState } from "../squad/state.js";
import type { Trigger } from "../squad/trigger.js";
import { followersOf, linkOf, refOf } from "./links.js";

export interface FollowUp {
  ref: IssueRef;
  trigger: Trigger;
}

interface Reconciled {
  config: Config;
  issue: IssueSnapshot;
  trigger: Trigger;
  state: FeatureState | null;
  /** Whether the feature's phase changed in this reconcile. */
  moved: boolean;
}

const hasCommand = (trigger: Trigger, kind: "duplicate" | "squad") =>
  trigger.kind === "comment" && trigger.commands.some((c) => c.command.kind === kind);

/**
 * Adoption runs whenever the comment holds the command and the card records the link, also on a
 * redelivery: the target remembers whom it took in, so a repeat writes nothing, and a follow-up
 * lost to a crash is repaired.
 */
export function linkFollowUps({ config, issue, trigger, state, moved }: Reconciled): FollowUp[] {
  if (!state) return [];
  const from = linkOf(issue.ref);
  const actor = trigger.kind === "comment" ? trigger.actor.login : trigger.actor;
  const people = followersOf(state, issue.author);
  const followUps: FollowUp[] = [];
  if (state.duplicateOf && hasCommand(trigger, "duplicate")) {
    const adopt: Trigger = { kind: "adopt", as: "duplicate", from, people, actor };
    followUps.push({ ref: refOf(state.duplicateOf), trigger: adopt });
  }
  if (state.squad && hasCommand(trigger, "squad")) {
    const adopt: Trigger = { kind: "adopt", as: "squad", from, people, actor };
    followUps.push({ ref: refOf(state.squad), trigger: adopt });
  }
  const justProposed = trigger.kind === "adopt" && trigger.as === "squad";
  if ((moved || justProposed) && state.requests) {
    const phase = phaseById(config, state.phase)?.name ?? state.phase;
    for (const request of state.requests) {
      const squadPhase: Trigger = { kind: "squadPhase", squad: from, phase, actor };
      followUps.push({ ref: refOf(request), trigger: squadPhase });
    }
  }
  return followUps;
}
