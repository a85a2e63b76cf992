/**
 * Wires the registered features (`features/index.ts`) to Probot's webhooks; the same function
 * serves production, tests and the demo.
 */
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import type { FeatureDefinition } from "../features/feature.js";
import { FEATURES } from "../features/index.js";
import { observabilityHandler } from "../observability/http.js";
import { dispatch, subscribedEvents } from "./dispatch.js";
import { EVENTS_OF, hintsOf } from "./hints.js";
import { type AppDeps, installationOf, Runtime } from "./runtime.js";

/** `onStart` runs once the handlers are registered, with the runtime they share (scheduled jobs). */
export function createApp(
  deps: AppDeps,
  onStart?: (runtime: Runtime, app: Probot) => void,
  features: readonly FeatureDefinition[] = FEATURES,
) {
  return (app: Probot, options?: ApplicationFunctionOptions): void => {
    const runtime = new Runtime(app, deps, features);
    const { metrics } = deps;
    if (metrics && options?.addHandler) {
      try {
        options.addHandler(observabilityHandler(metrics, deps.healthChecks ?? []));
      } catch {
        // No HTTP server (tests, Actions mode): nothing to serve the endpoints on.
      }
    }
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
    for (const event of subscribedEvents(features, EVENTS_OF)) {
      app.on(event as Parameters<Probot["on"]>[0], handle(event));
    }
    onStart?.(runtime, app);
  };
}
