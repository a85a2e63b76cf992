/**
 * Where onboarding stands in a repository, decided from what GitHub holds: the app's own
 * onboarding issue (its hidden marker records the acceptance), or cards from before onboarding
 * existed. Pure; `load.ts` reads the snapshot.
 */
import { decodeMarker, encodeMarker } from "../../core/markers.js";
import type { AppIssueSummary, OnboardingSnapshot } from "../../github/types.js";

/** The label of the onboarding issue: how it is found again, in one request. */
export const ONBOARDING_LABEL = "squad-bot: onboarding";
const MARKER = "onboarding";

/** A backlog adoption a maintainer asked for. */
export interface AdoptionRecord {
  /** Open feature requests updated at or after this instant (ISO) are adopted. */
  since: string;
  requestedBy: string;
  requestedAt: string;
  /** Cards posted so far. */
  adopted: number;
  done: boolean;
}

/** What the onboarding issue's marker holds. */
export interface OnboardingRecord {
  acceptedAt?: string;
  acceptedBy?: string;
  /** People whose tick was not taken: each is told once, in the issue. */
  refused?: string[];
  adopt?: AdoptionRecord;
}

/** What deliveries need to know, cached per process. */
export interface OnboardingStatus {
  accepted: boolean;
  /** Why it counts as accepted: a maintainer's tick, or it ran here before onboarding existed. */
  how: "tick" | "cards" | "seeded" | null;
  /**
   * Issues opened before this instant (ISO) are backlog: the sweep leaves them alone. Null: no
   * such bound (it ran here before onboarding existed, or onboarding waits).
   */
  activatedAt: string | null;
  /** The onboarding issue's number; null when none was written. */
  issue: number | null;
  adoption: AdoptionRecord | null;
}

/** The app's onboarding issue as read, with its record. */
interface OnboardingIssue extends AppIssueSummary {
  record: OnboardingRecord;
}

/** Everything a write of the onboarding issue starts from, read fresh under the lock. */
export interface OnboardingRead {
  status: OnboardingStatus;
  kept: OnboardingIssue | null;
  /** Other onboarding issues by the app (two deliveries raced): closed, the kept one stays. */
  duplicates: AppIssueSummary[];
  repositoryId: string;
  labels: string[];
}

export function encodeRecord(record: OnboardingRecord): string {
  return encodeMarker(MARKER, record);
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

function readAdoption(value: unknown): AdoptionRecord | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const since = text(v.since);
  if (!since || Number.isNaN(Date.parse(since))) return undefined;
  return {
    since,
    requestedBy: text(v.requestedBy) ?? "ghost",
    requestedAt: text(v.requestedAt) ?? since,
    adopted: typeof v.adopted === "number" ? v.adopted : 0,
    done: v.done === true,
  };
}

/** The record in a body the app wrote; null when it has no readable marker. */
export function decodeRecord(body: string): OnboardingRecord | null {
  const data = decodeMarker(body, MARKER);
  if (data === undefined) return null;
  if (typeof data !== "object" || data === null) return {};
  const v = data as Record<string, unknown>;
  const record: OnboardingRecord = {};
  const acceptedAt = text(v.acceptedAt);
  if (acceptedAt && !Number.isNaN(Date.parse(acceptedAt))) {
    record.acceptedAt = acceptedAt;
    record.acceptedBy = text(v.acceptedBy) ?? "ghost";
  }
  if (Array.isArray(v.refused)) {
    record.refused = v.refused.filter((r): r is string => typeof r === "string");
  }
  const adopt = readAdoption(v.adopt);
  if (adopt) record.adopt = adopt;
  return record;
}

/**
 * The issue that counts: only the app's own with a readable marker (a person who pastes the
 * marker changes nothing); an accepted one first, else the oldest.
 */
export function readOnboarding(snapshot: OnboardingSnapshot): OnboardingRead {
  const ours = snapshot.issues.flatMap((issue): OnboardingIssue[] => {
    const record = issue.byThisApp ? decodeRecord(issue.body) : null;
    return record ? [{ ...issue, record }] : [];
  });
  const kept = ours.find((i) => i.record.acceptedAt) ?? ours[0] ?? null;
  const duplicates = ours.filter((i) => i !== kept && i.state === "open");
  const acceptedAt = kept?.record.acceptedAt ?? null;
  const status: OnboardingStatus = {
    accepted: acceptedAt !== null || snapshot.cardFound,
    how: acceptedAt !== null ? "tick" : snapshot.cardFound ? "cards" : null,
    activatedAt: acceptedAt,
    issue: kept?.number ?? null,
    adoption: kept?.record.adopt ?? null,
  };
  const { repositoryId, labels } = snapshot;
  return { status, kept, duplicates, repositoryId, labels };
}

/**
 * An accepted onboarding with no issue behind it, for tests, the demo and benchmarks of an
 * accepted install (`AppDeps.onboardingSeed`): they start where a maintainer's tick leaves off.
 */
export function acceptedOnboarding(): OnboardingStatus {
  return { accepted: true, how: "seeded", activatedAt: null, issue: null, adoption: null };
}
