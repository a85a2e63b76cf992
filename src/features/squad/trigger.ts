/** What just happened to a feature, as the squad planner needs to know it. */
import type { Actor, CommandRequest } from "./apply-commands.js";
import type { RoadmapEvent } from "./state.js";

export type Trigger =
  /** Opened, edited, reopened, closed, or a repair sweep: reconcile from what GitHub holds. */
  | { kind: "reconcile"; actor: string }
  | { kind: "labeled"; label: string; actor: string }
  | { kind: "unlabeled"; label: string; actor: string }
  /** A person moved the item on the roadmap board to an option that maps to `phase`. */
  | { kind: "project"; phase: string; actor: string }
  /** A person added, archived, restored or removed the item on the roadmap board. */
  | { kind: "projectItem"; event: RoadmapEvent; actor: string }
  | {
      kind: "comment";
      commentId: string;
      commentDatabaseId: number;
      actor: Actor;
      commands: CommandRequest[];
    };
