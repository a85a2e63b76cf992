/** What just happened to a feature, as the squad planner needs to know it. */

import type { CommandLinks } from "../squad-links/links.js";
import type { Actor, CommandRequest } from "./apply-commands.js";
import type { IssueLink, RoadmapEvent } from "./state.js";

export type Trigger =
  /** Opened, edited, reopened, closed, or a repair sweep: reconcile from what GitHub holds. */
  | { kind: "reconcile"; actor: string }
  | { kind: "labeled"; label: string; actor: string }
  | { kind: "unlabeled"; label: string; actor: string }
  /** A person moved the issue's item on the roadmap board to an option that maps to `phase`. */
  | { kind: "project"; phase: string; actor: string }
  /**
   * A published GitHub release whose notes reference the feature moves it to `phase`; its move
   * notice is the one message that tells the followers, with the release's name and link.
   */
  | { kind: "release"; phase: string; actor: string; release?: { name: string; url: string } }
  /** A person added, archived, restored or removed the issue's item on the roadmap board. */
  | { kind: "projectItem"; event: RoadmapEvent; actor: string }
  | {
      kind: "comment";
      commentId: string;
      commentDatabaseId: number;
      actor: Actor;
      commands: CommandRequest[];
      /** What `/duplicate` and `/squad propose` found out about the other issue. */
      links?: CommandLinks;
      /** Accounts named by `/lead @x`, lower-cased → GitHub's spelling, null when none exists. */
      accounts?: Record<string, string | null>;
    }
  /**
   * This feature takes in the people of another one: a request closed as its duplicate, or the
   * request a squad issue was proposed from. `people` comes from that issue's bot-written card.
   */
  | { kind: "adopt"; as: "duplicate" | "squad"; from: IssueLink; people: string[]; actor: string }
  /** The squad issue proposed for this request is now in `phase` (a name, as its card shows it). */
  | { kind: "squadPhase"; squad: IssueLink; phase: string; actor: string };
