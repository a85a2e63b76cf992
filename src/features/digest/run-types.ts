/** What a digest run takes and gives back, shared by the runner and its delivery steps. */
import type { Config } from "../../config/schema.js";
import type { Log } from "../../core/log.js";
import type { Templates } from "../../core/templates.js";
import type { DeliveredPost, DigestDeliveryPort } from "../../github/delivery-port.js";
import type { GitHubPort } from "../../github/port.js";
import type { IssueSummary, RepoRef } from "../../github/types.js";
import type { CommunityDigestProvider } from "./community.js";
import type { DigestKind, DigestsConfig } from "./config.js";
import type { Period } from "./period.js";
import type { DigestReadStats, DigestSource } from "./source.js";
import type { RenderedDigest } from "./weekly.js";

export interface DigestRunInput {
  port: GitHubPort;
  source: DigestSource;
  /** The repository whose config this is; the digest is posted here unless `postTo` says else. */
  home: RepoRef;
  config: Config;
  digests: DigestsConfig;
  kind: DigestKind;
  now: Date;
  /** Defaults to the last complete period before `now` in the kind's time zone. */
  period?: Period;
  /** Login that posts digests: only its issues count as earlier digests. */
  author: string;
  /** Read and plan the delivery, write nothing: `writes` in the result says what it would do. */
  dryRun?: boolean;
  /** Where the delivery's planned and applied writes are logged; silent when absent. */
  log?: Log;
  /** Needed for the monthly digest; the contributor store provides it. */
  community?: CommunityDigestProvider;
  /** Needed for `delivery: discussion` and `pinned-comment`. */
  delivery?: DigestDeliveryPort;
  /** The digest's text, and the notes on superseded and duplicate digests. */
  templates: Templates;
}

export interface DigestRunResult {
  period: Period;
  rendered: RenderedDigest;
  text: string;
  outcome: "posted" | "exists" | "dry-run";
  /** The period's digest issue, posted now or found. */
  issue: IssueSummary | null;
  /** What the run wrote, or in a dry run would have written, one line each. */
  writes: string[];
  reads: DigestReadStats | null;
  /** The period's discussion or comment, posted now or found; absent for issue delivery. */
  post?: DeliveredPost | null;
}
