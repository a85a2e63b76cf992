/**
 * The notice for the latest phase move, and what the card remembers of it. The people told are
 * the ones who followed the feature when it moved: a retry names exactly them, never someone who
 * followed later and would be told old news as if it were theirs.
 */
import type { Action } from "../../actions/action.js";
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSnapshot } from "../../github/types.js";
import { roleHoldersFor } from "./journey-commands.js";
import { renderTransitionNotice } from "./notification.js";
import { phaseById } from "./recognize.js";
import type { FeatureState } from "./state.js";
import type { Transition } from "./transitions.js";
import type { Trigger } from "./trigger.js";

/** How long a notice lost to a failed write is planned again (redelivery or any later event). */
const NOTICE_RETRY_MS = 24 * 60 * 60 * 1000;

type Move = { from: string | null; to: string; by: string };

/** What of the plan's input the notice needs. */
interface NoticeInput {
  config: Config;
  issue: IssueSnapshot;
  now: Date;
  trigger: Trigger;
  templates: Templates;
}
type Notice = NonNullable<FeatureState["notice"]>;

/**
 * A move made by this event is told to today's followers, and the card records whom. A move
 * made by an earlier delivery is planned again for a day, to the people recorded then, so a
 * notice whose write failed is still sent; the executor posts a `comment` only while its key is
 * missing from the bot's own comments, so it is sent once. After a day it would be stale news,
 * and a repository that turns notifications on gets no backlog.
 */
export function planTransitionNotice(
  { config, issue, now, trigger, templates }: NoticeInput,
  state: FeatureState,
  transitions: Transition[],
): { action: Action | null; state: FeatureState } {
  const none = { action: null, state };
  if (!config.notifications.transitions) return none;
  const key = `transition:${state.history.length}`;
  const first = transitions[0];
  const last = transitions[transitions.length - 1];
  let move: Move | null;
  let notice: Notice;
  if (first && last) {
    move = { from: first.from, to: last.to, by: last.by };
    const released = trigger.kind === "release" ? trigger.release : undefined;
    notice = {
      key,
      recipients: [
        // The author asked for it: a release is their news too.
        ...(released ? [issue.author] : []),
        ...(state.lead ? [state.lead] : []),
        ...state.members,
        ...state.interested,
        // Of the people in roles, only those the new phase involves: the others are not needed yet.
        ...roleHoldersFor(state, config, last.to),
      ],
      ...(released ? { release: released } : {}),
    };
  } else {
    move = latestMove(state, now);
    if (state.notice?.key !== key) return none;
    notice = state.notice;
  }
  if (!move || move.from === null || move.from === move.to) return none;
  const to = phaseById(config, move.to);
  if (!to) return none;
  const body = renderTransitionNotice({
    title: issue.title,
    from: phaseById(config, move.from) ?? null,
    to,
    by: move.by,
    ...(notice.release ? { release: notice.release } : {}),
    recipients: notice.recipients,
    maxMentions: config.notifications.maxMentions,
    neverMention: config.neverMention,
    templates,
  });
  return {
    action: body ? { type: "comment", key, body } : null,
    state: body ? { ...state, notice } : state,
  };
}

/** The latest event's net move, read back from history: the entries one event writes share `at`. */
function latestMove(state: FeatureState, now: Date): Move | null {
  const { history } = state;
  const last = history[history.length - 1];
  if (!last || !(now.getTime() - Date.parse(last.at) <= NOTICE_RETRY_MS)) return null;
  let start = history.length - 1;
  while (start > 0 && history[start - 1]?.at === last.at) start -= 1;
  const before = history[start - 1];
  return before ? { from: before.phase, to: last.phase, by: last.by } : null;
}
