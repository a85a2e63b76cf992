/**
 * Where a digest goes as a discussion or a pinned-issue comment, as a pure plan: one post per
 * period, found again by the key in its hidden marker; only posts the delivering identity wrote
 * count, so a pasted marker changes nothing. The previous period's post is marked superseded and
 * retired (discussion closed as outdated, comment minimized), a concurrent run's copy retired as a
 * duplicate, and a later period's post never touched. `post-delivery.ts` applies it.
 */
import { decodeMarker, encodeMarker, hasMarker } from "../../core/markers.js";
import { message } from "../../core/templates.js";
import { DIGEST_MARKER, type DigestIssueMarker } from "./delivery.js";
import type { DeliveredPost, RetireEdit } from "./delivery-port.js";
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
  /** After posting: the id this run created, so a run that lost a race only retires its copy. */
  created?: string;
}

export interface PostPlan {
  /** True when this period has no post yet. */
  create: boolean;
  /** The period's post (the first, if a race made several). */
  posted: DeliveredPost | null;
  /** Posts to mark and retire, each one mutation. */
  edits: RetireEdit[];
}

function copyEdit(copy: DeliveredPost, of: DeliveredPost): RetireEdit {
  const note = message("digest.post.duplicate", { url: of.url });
  const body = hasMarker(copy.body, COPY_MARKER)
    ? copy.body
    : `${encodeMarker(COPY_MARKER)}\n${note}\n\n${copy.body}`;
  return { id: copy.id, body, reason: "DUPLICATE" };
}

export function planPost(input: PostPlanInput): PostPlan {
  const ours = ourPosts(input.existing).filter((p) => p.marker.kind === input.period.kind);
  const sameKey = ours
    .filter((p) => p.marker.key === input.period.key)
    .sort((a, b) => a.post.seq - b.post.seq);
  const [kept, ...copies] = sameKey;
  if (!kept) return { create: true, posted: null, edits: [] };
  const edits: RetireEdit[] = [];

  if (input.created !== undefined && input.created !== kept.post.id) {
    // Another run posted first: retire our copy and leave the rest to that run.
    const mine = copies.find((c) => c.post.id === input.created);
    if (mine && !mine.post.retired) edits.push(copyEdit(mine.post, kept.post));
    return { create: false, posted: kept.post, edits };
  }
  for (const copy of copies) if (!copy.post.retired) edits.push(copyEdit(copy.post, kept.post));
  // Earlier periods only: a back-dated rerun must not retire the digest that follows it.
  for (const previous of ours) {
    if (previous.marker.key >= input.period.key || previous.post.retired) continue;
    const note = message("digest.post.superseded", { url: kept.post.url });
    const body = hasMarker(previous.post.body, SUPERSEDED_MARKER)
      ? previous.post.body
      : `${encodeMarker(SUPERSEDED_MARKER)}\n${note}\n\n${previous.post.body}`;
    edits.push({ id: previous.post.id, body, reason: "OUTDATED" });
  }
  return { create: false, posted: kept.post, edits };
}
