/** The digest room: weekly squad and monthly community digests, collected, rendered and posted. */
export { collectWeekly, WeeklyCollector, type WeeklyDigestData } from "./collect.js";
export {
  type CommunityDigestData,
  type CommunityDigestProvider,
  renderCommunityDigest,
} from "./community.js";
export {
  type DigestKind,
  type DigestsConfig,
  digestSettings,
  digestsConfigSchema,
} from "./config.js";
export { DIGEST_MARKER, planDelivery } from "./delivery.js";
export { digestJobs } from "./job.js";
export { type Period, parsePeriod, periodContaining, reportedPeriod } from "./period.js";
export { toPlainText } from "./plain-text.js";
export { type DigestRunInput, type DigestRunResult, runDigest } from "./run.js";
export type { DigestIssue, DigestQuery, DigestSource } from "./source.js";
export { renderWeeklyDigest } from "./weekly.js";
