/**
 * The features, in the order they see each hint. Adding one: its folder with a `feature.ts`
 * definition, and one line here (see the README's contributor section).
 */
import { communityFeature } from "./community/feature.js";
import { configCheckFeature } from "./config-check/feature.js";
import { dashboardFeature } from "./dashboard/feature.js";
import { digestFeature } from "./digest/feature.js";
import type { FeatureDefinition } from "./feature.js";
import { governanceFeature } from "./governance/feature.js";
import { cyclesFeature, rolesFeature } from "./journey/feature.js";
import { onboardingFeature } from "./onboarding/feature.js";
import { roadmapFeature } from "./roadmap/feature.js";
import { intakeFeature } from "./similar/feature.js";
import { squadFeature } from "./squad/feature.js";
import { squadLinksFeature } from "./squad-links/feature.js";
import { sweepFeature } from "./sweep/feature.js";

export const FEATURES: readonly FeatureDefinition[] = [
  configCheckFeature,
  onboardingFeature,
  squadFeature,
  squadLinksFeature,
  rolesFeature,
  cyclesFeature,
  intakeFeature,
  roadmapFeature,
  communityFeature,
  governanceFeature,
  digestFeature,
  sweepFeature,
  dashboardFeature,
];
