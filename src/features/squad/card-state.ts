/** Finding a feature's card among an issue's comments: only this app's comments are trusted. */
import { decodeMarker } from "../../core/markers.js";
import type { CommentSnapshot } from "../../github/types.js";
import { CARD_MARKER, type FeatureState, HANDLED_LIMIT, parseFeatureState } from "./state.js";

interface FoundCard {
  commentId: string;
  state: FeatureState;
}

export interface CardSearch {
  card: FoundCard | null;
  /**
   * Further cards by this app (e.g. from a race across instances), to delete. The oldest comment
   * stays the card, carrying the state that saw the most (see `mergeRacedStates`).
   */
  duplicates: string[];
  /** A card by this app whose marker could not be read; it is rewritten rather than trusted. */
  unreadable: string | null;
  /**
   * The phases of the raced cards' states that lost the merge: their labels were the bot's own
   * writes, not a person's move, and are not adopted.
   */
  racedPhases: string[];
}

export function findCard(comments: CommentSnapshot[]): CardSearch {
  const ours = comments
    .filter((c) => c.byThisApp && c.body.includes(`squad-bot:${CARD_MARKER} `))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.databaseId - b.databaseId);
  let card: FoundCard | null = null;
  let unreadable: string | null = null;
  const duplicates: string[] = [];
  const phasesSeen: string[] = [];
  for (const comment of ours) {
    const state = parseFeatureState(decodeMarker(comment.body, CARD_MARKER));
    if (state) phasesSeen.push(state.phase);
    if (card && state) {
      duplicates.push(comment.id);
      card = { commentId: card.commentId, state: mergeRacedStates(card.state, state) };
    } else if (state) card = { commentId: comment.id, state };
    else if (unreadable === null) unreadable = comment.id;
    else duplicates.push(comment.id);
  }
  if (card && unreadable) {
    duplicates.push(unreadable);
    unreadable = null;
  }
  const kept = card?.state.phase;
  const racedPhases =
    duplicates.length > 0 ? [...new Set(phasesSeen)].filter((p) => p !== kept) : [];
  return { card, duplicates, unreadable, racedPhases };
}

/**
 * Two cards mean two deliveries each started a feature without seeing the other's card; each
 * state holds what its delivery did (a maintainer's `/phase`, say), so keeping the older one alone
 * would drop that for good. The state that recorded more (commands, then moves) is kept, and
 * every handled command stays handled so none runs a second time.
 */
function mergeRacedStates(kept: FeatureState, other: FeatureState): FeatureState {
  const weight = (s: FeatureState) => [s.handled.length, s.history.length] as const;
  const [keptCommands, keptMoves] = weight(kept);
  const [otherCommands, otherMoves] = weight(other);
  const richer =
    otherCommands > keptCommands || (otherCommands === keptCommands && otherMoves > keptMoves)
      ? other
      : kept;
  const handled = [...new Set([...kept.handled, ...other.handled])].slice(-HANDLED_LIMIT);
  return { ...richer, handled };
}
