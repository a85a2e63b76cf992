/** Finding a feature's card among an issue's comments: only this app's comments are trusted. */
import { decodeMarker } from "../../core/markers.js";
import type { CommentSnapshot } from "../../github/types.js";
import { CARD_MARKER, type FeatureState, parseFeatureState } from "./state.js";

interface FoundCard {
  commentId: string;
  state: FeatureState;
}

export interface CardSearch {
  card: FoundCard | null;
  /** Further cards by this app (e.g. from a race across instances): the oldest one wins. */
  duplicates: string[];
  /** A card by this app whose marker could not be read; it is rewritten rather than trusted. */
  unreadable: string | null;
}

export function findCard(comments: CommentSnapshot[]): CardSearch {
  const ours = comments
    .filter((c) => c.byThisApp && c.body.includes(`squad-bot:${CARD_MARKER} `))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId);
  let card: FoundCard | null = null;
  let unreadable: string | null = null;
  const duplicates: string[] = [];
  for (const comment of ours) {
    const state = parseFeatureState(decodeMarker(comment.body, CARD_MARKER));
    if (card) duplicates.push(comment.id);
    else if (state) card = { commentId: comment.id, state };
    else if (unreadable === null) unreadable = comment.id;
    else duplicates.push(comment.id);
  }
  if (card && unreadable) {
    duplicates.push(unreadable);
    unreadable = null;
  }
  return { card, duplicates, unreadable };
}
