/**
 * The roadmap board (Projects v2): the board follows the card inside every feature's reconcile
 * (`sync.ts`), and a person's move on the board moves the feature.
 */
import { type FeatureDefinition, sectionOn } from "../feature.js";
import { onBoardItem, wantsBoardItem } from "./webhooks.js";

export const roadmapFeature: FeatureDefinition = {
  name: "roadmap",
  section: "roadmap",
  isOn: (config) => sectionOn(config.roadmap),
  on: { boardItem: { wants: wantsBoardItem, run: onBoardItem } },
};
