/** The community journey: welcomes, milestones, stages, `/quiet`, early access. Needs the contributor store. */
import { type FeatureDefinition, sectionOn } from "../feature.js";
import { onContribution, onEarlyAccess, onQuietCommand, wantsQuiet } from "./webhooks.js";

export const communityFeature: FeatureDefinition = {
  name: "community",
  section: "community",
  // It remembers who did what before: without a store there is nothing to decide "first" from.
  available: (services) => services.store !== undefined,
  needs: "the contributor store (`DATABASE_URL` or `SQUAD_BOT_DATA_DIR`)",
  isOn: (config) => sectionOn(config.community),
  on: {
    contribution: { run: onContribution },
    comment: { wants: wantsQuiet, run: onQuietCommand },
    release: { run: onEarlyAccess },
  },
  commands: ["quiet", "unquiet"],
};
