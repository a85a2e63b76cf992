/**
 * Advocacy: when a release (a beta included) first ships a feature, tell everyone who followed it
 * (its author, lead, members, /interested people) once per feature, in comments of at most
 * `maxMentionsPerComment` mentions. Later releases tell only people who joined since.
 */
import type { Action } from "../../actions/action.js";
import { ONCE_MARKER } from "../../actions/executor.js";
import { escapeInline, mention, safeUrl } from "../../core/markdown.js";
import { decodeMarker } from "../../core/markers.js";
import type { Templates } from "../../core/templates.js";
import type { CommentSnapshot } from "../../github/types.js";
import { noticeRecipients } from "../squad/notification.js";
import type { FeatureState } from "../squad/state.js";

export interface EarlyAccessInput {
  state: Pick<FeatureState, "lead" | "members" | "interested">;
  /** The feature request's author: they asked for it. */
  author: string;
  title: string;
  releaseUrl: string;
  /** e.g. `4.12.0`; defaults to the last part of the release URL. */
  releaseName?: string;
  maxMentionsPerComment: number;
  /** People who said /quiet, any case. */
  quiet: ReadonlySet<string>;
  /** Once-keys of this app's comments on the issue (`postedKeys`): who was told already. */
  posted?: readonly string[];
  templates: Templates;
}

const PREFIX = "early-access:";

/** A batch's key names its people, so a rerun can tell who heard already and who joined since. */
const batchKey = (logins: string[]) => `${PREFIX}${logins.map((l) => l.toLowerCase()).join(",")}`;

function toldAlready(posted: readonly string[]): Set<string> {
  return new Set(
    posted
      .filter((key) => key.startsWith(PREFIX))
      .flatMap((key) => key.slice(PREFIX.length).split(",")),
  );
}

/** Once-keys of comments this app wrote, as the executor stores them. */
export function postedKeys(comments: CommentSnapshot[]): string[] {
  return comments.flatMap((comment) => {
    if (!comment.byThisApp) return [];
    const data = decodeMarker(comment.body, ONCE_MARKER) as { key?: unknown } | undefined;
    return typeof data?.key === "string" ? [data.key] : [];
  });
}

/** One comment per batch; nothing when everyone was told or nobody wants to hear. */
export function planEarlyAccess(input: EarlyAccessInput): Action[] {
  const { templates } = input;
  const told = toldAlready(input.posted ?? []);
  const people = noticeRecipients(
    [
      input.author,
      ...(input.state.lead ? [input.state.lead] : []),
      ...input.state.members,
      ...input.state.interested,
    ],
    { by: "", neverMention: [...input.quiet] },
  ).filter((login) => !told.has(login.toLowerCase()));
  const size = Math.max(1, input.maxMentionsPerComment);
  const url = safeUrl(input.releaseUrl);
  const summary = templates.message("community.earlyAccess.summary", {
    title: escapeInline(input.title),
    release: escapeInline(input.releaseName ?? input.releaseUrl.split("/").pop() ?? ""),
    url: url ?? "",
  });
  const actions: Action[] = [];
  for (let start = 0; start < people.length; start += size) {
    const batch = people.slice(start, start + size);
    actions.push({
      type: "comment",
      key: batchKey(batch),
      body: templates.render("early-access", {
        summary,
        ask: templates.message("community.earlyAccess.ask"),
        mentions: batch.map(mention).join(" "),
      }),
    });
  }
  return actions;
}
