/** The squad journey: phases kept in sync between labels, commands and the card; on wherever the bot is. */
import type { FeatureDefinition } from "../feature.js";
import { roadmapBoardRead } from "../roadmap/sync.js";
import { hasSquadCommands, onSquadComment, SQUAD_COMMANDS } from "./commands.js";
import { squadIssueRead } from "./reconcile.js";
import { onSquadIssue, onSquadRelease, wantsIssue } from "./webhooks.js";

export const squadFeature: FeatureDefinition = {
  name: "squad",
  section: "phases",
  isOn: (config) => config.phases.length > 0,
  on: {
    issue: { wants: wantsIssue, run: onSquadIssue },
    comment: { wants: hasSquadCommands, run: onSquadComment },
    release: { wants: (hint) => !hint.release.prerelease, run: onSquadRelease },
  },
  commands: SQUAD_COMMANDS,
  readAhead: (config) => {
    const board = roadmapBoardRead(config);
    return { issue: squadIssueRead(config), ...(board ? { project: board } : {}) };
  },
};
