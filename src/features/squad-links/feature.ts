/** Linked features: `/duplicate` and `/squad propose`, and squad issues whose phase shows on their requests' cards. */
import { type FeatureDefinition, sectionOn } from "../feature.js";

export const squadLinksFeature: FeatureDefinition = {
  name: "squad-links",
  section: "squads",
  isOn: (config) => sectionOn(config.squads),
};
