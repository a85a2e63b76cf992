/**
 * Where a digest goes as a discussion or a pinned-issue comment, as a pure plan: one post per
 * period, found again by the key in its hidden marker; only posts the delivering identity wrote
 * count, so a pasted marker changes nothing. The previous period's post is marked superseded and
 * retired (discussion closed as outdated, comment minimized), a concurrent run's copy retired as a
 * duplicate, and a later period's post never touched. `post-delivery.ts` applies it.
 */
import type { PostChannel, RepoAction } from "../../actions/action.js";
import { decodeMarker, encodeMarker, hasMarker } from "../../core/markers.js";
import type { Templates } from "../../core/templates.js";
import type { DeliveredPost, RetireReason } from "../../github/delivery-port.js";
import { DIGEST_MARKER, type DigestIssueMarker } from "./delivery.js";
import type { Period } from "./period.js";

const SUPERSEDED_MARKER = "digest-superseded";
const COPY_MARKER = "digest-copy";

interface OurPost {
  post: DeliveredPost;
  marker: DigestIssueMarker;
}

function ourPosts(existing: DeliveredPost[]): OurPost[] {
  return existing.flatMap((post) => {
    if (!post.byViewer) return [];
    const marker = decodeMarker(post.body, DIGEST_MARKER) as Partial<DigestIssueMarker> | null;
    const valid =
      typeof marker?.key === "string" && (marker.kind === "weekly" || marker.kind === "monthly");
    return valid
      ? [{ post, marker: { kind: marker.kind, key: marker.key } as DigestIssueMarker }]
      : [];
  });
}

export interface PostPlanInput {
  /** Recent posts of the channel (discussions of the category, comments of the pinned issue). */
  existing: DeliveredPost[];
  period: Period;
  /** Where a new post goes, and what it says. */
  channel: PostChannel;
  title: string;
  body: string;
  /** After posting: the id this run created, so a run that lost a race only retires its copy. */
  created?: string;
  templates: Templates;
}

export interface PostPlan {
  /** The period's post (the first, if a race made several). */
  posted: DeliveredPost | null;
  /** Create this period's post when there is none; else mark and retire older posts and copies. */
  actions: RepoAction[];
}

/** The note goes on top once: a post that already carries its marker keeps its body. */
function retire(
  channel: PostChannel,
  post: DeliveredPost,
  note: { marker: string; text: string; reason: RetireReason },
): RepoAction {
  const body = hasMarker(post.body, note.marker)
    ? post.body
    : `${encodeMarker(note.marker)}\n${note.text}\n\n${post.body}`;
  return { type: "retirePost", channel: channel.kind, post, body, reason: note.reason };
}

function copyEdit(
  channel: PostChannel,
  copy: DeliveredPost,
  of: DeliveredPost,
  templates: Templates,
): RepoAction {
  const text = templates.message("digest.post.duplicate", { url: of.url });
  return retire(channel, copy, { marker: COPY_MARKER, text, reason: "DUPLICATE" });
}

export function planPost(input: PostPlanInput): PostPlan {
  const ours = ourPosts(input.existing).filter((p) => p.marker.kind === input.period.kind);
  const sameKey = ours
    .filter((p) => p.marker.key === input.period.key)
    .sort((a, b) => a.post.seq - b.post.seq);
  const [kept, ...copies] = sameKey;
  const { channel } = input;
  if (!kept) {
    const { title, body } = input;
    return { posted: null, actions: [{ type: "createPost", channel, title, body }] };
  }
  const actions: RepoAction[] = [];

  if (input.created !== undefined && input.created !== kept.post.id) {
    // Another run posted first: retire our copy and leave the rest to that run.
    const mine = copies.find((c) => c.post.id === input.created);
    if (mine && !mine.post.retired)
      actions.push(copyEdit(channel, mine.post, kept.post, input.templates));
    return { posted: kept.post, actions };
  }
  for (const copy of copies) {
    if (!copy.post.retired) actions.push(copyEdit(channel, copy.post, kept.post, input.templates));
  }
  // Earlier periods only: a back-dated rerun must not retire the digest that follows it.
  for (const previous of ours) {
    if (previous.marker.key >= input.period.key || previous.post.retired) continue;
    const text = input.templates.message("digest.post.superseded", { url: kept.post.url });
    actions.push(
      retire(channel, previous.post, { marker: SUPERSEDED_MARKER, text, reason: "OUTDATED" }),
    );
  }
  return { posted: kept.post, actions };
}
