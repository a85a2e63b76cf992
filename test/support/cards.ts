/** Reading what the bot left on an issue: its card's state, notices and replies. */
import { decodeMarker } from "../../src/core/markers.js";
import { CARD_MARKER, type FeatureState } from "../../src/features/squad/state.js";
import type { IssueRef } from "../../src/github/types.js";
import type { MemoryGitHub } from "../double/index.js";

export function cards(github: MemoryGitHub, ref: IssueRef) {
  return github.botComments(ref).filter((c) => c.body.includes(`squad-bot:${CARD_MARKER} `));
}

export function cardState(github: MemoryGitHub, ref: IssueRef): FeatureState {
  const all = cards(github, ref);
  if (all.length !== 1) throw new Error(`expected exactly one card, found ${all.length}`);
  return decodeMarker(all[0]?.body ?? "", CARD_MARKER) as FeatureState;
}

/** Bot comments other than the card: notices and replies. */
export function botMessages(github: MemoryGitHub, ref: IssueRef): string[] {
  return github
    .botComments(ref)
    .filter((c) => !c.body.includes(`squad-bot:${CARD_MARKER} `))
    .map((c) => c.body);
}
