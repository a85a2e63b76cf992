/**
 * One delivery through the registry: its hints, each offered to every feature that subscribes to
 * that kind, wants it and is on for the repository. A feature's failure is logged and leaves the
 * other features' work done; the delivery then fails, so GitHub's log shows it for redelivery.
 */
import { sameName } from "../core/names.js";
import type {
  EventSubject,
  FeatureDefinition,
  HintSubscription,
  Scope,
} from "../features/feature.js";
import type { Hint, HintKind } from "../features/hints.js";
import type { Metrics } from "../observability/metrics.js";

/** Who caused the hint: the bot's own writes come back as events and must plan nothing. */
function actorOf(hint: Hint): string | null {
  switch (hint.kind) {
    case "contribution":
      return hint.contribution.author.login;
    case "comment":
      return hint.comment.author;
    case "push":
    case "pullRequest":
      return null;
    default:
      return hint.sender;
  }
}

function subscription(feature: FeatureDefinition, kind: HintKind) {
  return feature.on?.[kind] as HintSubscription<HintKind> | undefined;
}

export async function dispatch(
  features: readonly FeatureDefinition[],
  scope: Scope,
  hints: Hint[],
  metrics: Metrics | undefined,
): Promise<void> {
  const errors: unknown[] = [];
  for (const hint of hints) {
    const actor = actorOf(hint);
    if (actor !== null && sameName(actor, await scope.appLogin())) continue;
    for (const feature of features) {
      const sub = subscription(feature, hint.kind);
      if (!sub || feature.available?.(scope.services) === false) continue;
      if (sub.wants && !sub.wants(hint as never)) continue;
      try {
        await runFeature(feature, sub, scope, hint);
      } catch (error) {
        errors.push(error);
        metrics?.errors.inc({ where: `${feature.name}:${hint.kind}` });
        scope.log.error(
          { err: error, feature: feature.name, hint: hint.kind },
          "squad-bot failed to handle an event",
        );
      }
    }
  }
  if (errors.length > 0) throw errors[0];
}

async function runFeature(
  feature: FeatureDefinition,
  sub: HintSubscription<HintKind>,
  scope: Scope,
  hint: Hint,
): Promise<void> {
  if (feature.isOn === null || hint.repo === null) {
    // Such a feature (onboarding, until done) may read the config itself, without the issue:
    // read both now, in one request, for the features after it.
    const about = subjectOf(hint);
    if (hint.repo !== null && about && !about.pullRequest && !scope.onboardingDone(hint.repo)) {
      await scope.config(hint.repo, about);
    }
    await sub.run(scope, hint as never, null);
    return;
  }
  const config = await scope.config(hint.repo, subjectOf(hint));
  if (!config || !feature.isOn(config)) return;
  await sub.run(scope, hint as never, config);
}

/** The issue or pull request a hint is about: read in the same request as the config. */
function subjectOf(hint: Hint): EventSubject | undefined {
  switch (hint.kind) {
    case "issue":
      return { number: hint.number, pullRequest: false };
    case "comment":
      return { number: hint.number, pullRequest: hint.onPullRequest };
    case "contribution":
      return { number: hint.contribution.target.number, pullRequest: hint.onPullRequest };
    case "pullRequest":
      return { number: hint.number, pullRequest: true };
    default:
      return undefined;
  }
}

/** The webhook events the features subscribe to, each once. */
export function subscribedEvents(
  features: readonly FeatureDefinition[],
  eventsOf: Record<HintKind, readonly string[]>,
): string[] {
  const kinds = new Set(features.flatMap((f) => Object.keys(f.on ?? {}) as HintKind[]));
  return [...new Set([...kinds].flatMap((kind) => eventsOf[kind]))];
}
