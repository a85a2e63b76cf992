/** Governance: `/nominate` opens a nomination in the governance repository, `/sponsor` counts on it. */
import { type FeatureDefinition, sectionOn } from "../feature.js";
import { GOVERNANCE_COMMANDS, hasGovernanceCommands, onGovernanceComment } from "./run.js";

export const governanceFeature: FeatureDefinition = {
  name: "governance",
  section: "governance",
  isOn: (config) => sectionOn(config.governance),
  on: { comment: { wants: hasGovernanceCommands, run: onGovernanceComment } },
  commands: GOVERNANCE_COMMANDS,
};
