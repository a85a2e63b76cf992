/**
 * Wires the registered features (`features/index.ts`) to Probot's webhooks; the same function
 * serves production, tests and the demo.
 */
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import type { FeatureDefinition } from "../features/feature.js";
import { FEATURES } from "../features/index.js";
import type { Delivery } from "../inbox/inbox.js";
import { observabilityHandler } from "../observability/http.js";
import { dispatch, subscribedEvents } from "./dispatch.js";
import { EVENTS_OF, hintsOf } from "./hints.js";
import { mountRoutes } from "./http.js";
import { type AppDeps, installationOf, Runtime } from "./runtime.js";
import { contextOf } from "./stored-delivery.js";

/**
 * The events the webhook route records without Probot's `receive` (`record-route.ts`), so
 * without other `app.on` listeners. Installation events keep Probot's way: the scheduler
 * (`jobs.ts`) listens to them too, and they are rare.
 */
function recordedAtOnce(events: readonly string[]): Set<string> {
  const installation = new Set(EVENTS_OF.installation);
  return new Set(events.filter((event) => !installation.has(event)));
}

/** Runs one delivery taken from the inbox through the same handlers as the in-request path. */
export type RunDelivery = (delivery: Delivery) => Promise<void>;

/**
 * `onStart` runs once the handlers are registered, with the runtime they share (scheduled jobs)
 * and what runs a delivery from the inbox. With `deps.inbox`, a verified webhook is only
 * recorded there (and acknowledged); without it (tests, the demo) it is handled in the request.
 */
export function createApp(
  deps: AppDeps,
  onStart?: (runtime: Runtime, app: Probot, run: RunDelivery) => void,
  features: readonly FeatureDefinition[] = FEATURES,
) {
  return (app: Probot, options?: ApplicationFunctionOptions): void => {
    const runtime = new Runtime(app, deps, features);
    const { metrics, inbox } = deps;
    const events = subscribedEvents(features, EVENTS_OF);
    mountRoutes(
      app,
      options,
      [
        ...(metrics ? [observabilityHandler(metrics, deps.healthChecks ?? [])] : []),
        ...(deps.routes?.(app.log) ?? []),
      ],
      inbox ? { events: recordedAtOnce(events), record: (d) => inbox.record(d) } : undefined,
    );
    const handle = (event: string) => async (context: Context) => {
      // Every line logged for a delivery carries its id (Probot's) and its installation, so a
      // maintainer can follow one event, and one installation, through the logs.
      const installation = installationOf(context.payload);
      context.log = context.log.child({ installation: installation || null });
      const hints = hintsOf(event, context.payload, context.log);
      if (hints.length === 0) {
        // Counted too, so a maintainer can see that deliveries arrive at all (a proxy, a URL).
        metrics?.deliveries.inc({ event, outcome: "ignored" });
        return;
      }
      try {
        await dispatch(features, runtime.deliveryScope(context), hints, metrics);
        metrics?.deliveries.inc({ event, outcome: "handled" });
      } catch (error) {
        metrics?.deliveries.inc({ event, outcome: "failed" });
        context.log.error({ err: error, event, delivery: context.id }, "a delivery failed");
        throw error;
      }
    };
    const record = async ({ id, name, payload }: Context) => {
      await inbox?.record({ id, name, payload });
    };
    const handlers = new Map<string, ReturnType<typeof handle>>();
    for (const event of events) {
      const handler = handle(event);
      handlers.set(event, handler);
      app.on(event as Parameters<Probot["on"]>[0], inbox ? record : handler);
    }
    const run: RunDelivery = async (delivery) => {
      const handler = handlers.get(delivery.name);
      if (handler) await handler(await contextOf(app, delivery));
    };
    onStart?.(runtime, app, run);
  };
}
