/**
 * The onboarding planner: from the issue as read, a person's edit of it and the backlog preview,
 * the record to keep and the writes that get the one onboarding issue there. Pure.
 */
import type { RepoAction } from "../../actions/action.js";
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import { DAY_MS } from "../../core/time.js";
import type { RepoPermission, RepoRef } from "../../github/types.js";
import { type BacklogPreview, renderOnboardingBody } from "./preview.js";
import {
  ONBOARDING_LABEL,
  type OnboardingRead,
  type OnboardingRecord,
  type OnboardingStatus,
} from "./status.js";

export type Box = "accept" | "adopt";

/** Boxes ticked in a body, by the hidden name the template gives each. */
export function tickedBoxes(body: string): Set<Box> {
  const ticked = new Set<Box>();
  for (const match of body.matchAll(/^[ \t]*[-*+] \[[xX]\] <!-- squad-bot:(accept|adopt) -->/gm)) {
    ticked.add(match[1] as Box);
  }
  return ticked;
}

/** Turning squad-bot on and adopting the backlog are a maintainer's decisions. */
export const MAY_DECIDE: readonly RepoPermission[] = ["write", "maintain", "admin"];

/** The boxes a person ticked that the record does not hold yet: what their edit asks for. */
export function newTicks(read: OnboardingRead): Box[] {
  const kept = read.kept;
  if (!kept) return [];
  const ticked = tickedBoxes(kept.body);
  const wants: Box[] = [];
  if (ticked.has("accept") && !kept.record.acceptedAt) wants.push("accept");
  const accepted = kept.record.acceptedAt !== undefined || ticked.has("accept");
  if (ticked.has("adopt") && accepted && !kept.record.adopt) wants.push("adopt");
  return wants;
}

export interface OnboardingEdit {
  sender: string;
  /** Whether the sender has write, maintain or admin permission (asked only for a new tick). */
  permitted: boolean;
}

export interface OnboardingPlanInput {
  repo: RepoRef;
  config: Config;
  read: OnboardingRead;
  /** Null when the open issues could not be listed. */
  backlog: BacklogPreview | null;
  now: Date;
  edit?: OnboardingEdit;
  /** Cards an adoption run just posted, and whether it found none left. */
  adopted?: { cards: number; done: boolean };
  templates: Templates;
}

export interface OnboardingPlan {
  record: OnboardingRecord;
  actions: RepoAction[];
  /** What deliveries see once the actions are applied (the number of a new issue aside). */
  status: OnboardingStatus;
  /** The edit asked for an adoption and was allowed: the runner starts it. */
  adoptionRequested: boolean;
}

function nextRecord(input: OnboardingPlanInput): { record: OnboardingRecord; adopt: boolean } {
  const record: OnboardingRecord = { ...(input.read.kept?.record ?? {}) };
  const { edit, now } = input;
  const wants = edit ? newTicks(input.read) : [];
  let adopt = false;
  if (edit && wants.length > 0) {
    if (!edit.permitted) {
      // Said once: the name stays in the issue, and a second tick changes nothing.
      const refused = record.refused ?? [];
      if (!refused.includes(edit.sender)) record.refused = [...refused, edit.sender];
    } else {
      if (wants.includes("accept")) {
        record.acceptedAt = now.toISOString();
        record.acceptedBy = edit.sender;
      }
      if (wants.includes("adopt")) {
        const days = input.config.onboarding.adopt.updatedWithinDays;
        const since = new Date(now.getTime() - days * DAY_MS).toISOString();
        record.adopt = {
          since,
          requestedBy: edit.sender,
          requestedAt: now.toISOString(),
          adopted: 0,
          done: false,
        };
        adopt = true;
      }
    }
  }
  if (input.adopted && record.adopt) {
    record.adopt = {
      ...record.adopt,
      adopted: record.adopt.adopted + input.adopted.cards,
      done: input.adopted.done,
    };
  }
  return { record, adopt };
}

export function planOnboarding(input: OnboardingPlanInput): OnboardingPlan {
  const { read, repo } = input;
  const { record, adopt } = nextRecord(input);
  const body = renderOnboardingBody({
    repo,
    config: input.config,
    record,
    backlog: input.backlog,
    labels: read.labels,
    templates: input.templates,
  });
  const actions: RepoAction[] = read.kept
    ? [{ type: "editIssue", issue: read.kept, body }]
    : [
        {
          type: "openIssue",
          repo,
          issue: {
            title: input.templates.message("onboarding.issue.title"),
            body,
            labels: [ONBOARDING_LABEL],
          },
        },
      ];
  for (const duplicate of read.duplicates) {
    actions.push({ type: "editIssue", issue: duplicate, close: "NOT_PLANNED" });
  }
  const accepted = record.acceptedAt !== undefined || read.status.accepted;
  const status: OnboardingStatus = {
    accepted,
    how: record.acceptedAt ? "tick" : read.status.how,
    activatedAt: record.acceptedAt ?? read.status.activatedAt,
    issue: read.kept?.number ?? null,
    adoption: record.adopt ?? null,
  };
  return { record, actions, status, adoptionRequested: adopt };
}
