/** Wires the features to Probot's events; the same function serves production, tests and the demo. */
import type { ApplicationFunctionOptions, Context, Probot } from "probot";
import { observabilityHandler } from "../observability/http.js";
import { onCommentEvent } from "./comment-events.js";
import { onContribution, onQuietCommand } from "./community-events.js";
import { onPullRequest, onPush } from "./config-events.js";
import { onIssueEvent } from "./issue-events.js";
import { onProjectItemEvent } from "./project-events.js";
import { onRelease } from "./release-events.js";
import { type AppDeps, Runtime } from "./runtime.js";

type Handler = (runtime: Runtime, context: Context) => Promise<void>;

/** `onStart` runs once the handlers are registered, with the runtime they share (scheduled jobs). */
export function createApp(deps: AppDeps, onStart?: (runtime: Runtime, app: Probot) => void) {
  return (app: Probot, options?: ApplicationFunctionOptions): void => {
    const runtime = new Runtime(app, deps);
    const { metrics } = deps;
    if (metrics && options?.addHandler) {
      try {
        options.addHandler(observabilityHandler(metrics, deps.healthChecks ?? []));
      } catch {
        // No HTTP server (tests, Actions mode): nothing to serve the endpoints on.
      }
    }
    // An internal error is logged with the delivery and rethrown, so GitHub's delivery log shows
    // the failure and a maintainer can redeliver it.
    const guard = (name: string, handler: Handler) => async (context: Context) => {
      // Every line logged for a delivery carries its id (Probot's) and its installation, so a
      // maintainer can follow one event, and one installation, through the logs.
      const installation = (context.payload as { installation?: { id?: number } }).installation?.id;
      context.log = context.log.child({ installation: installation ?? null });
      try {
        await handler(runtime, context);
        metrics?.deliveries.inc({ event: name, outcome: "handled" });
      } catch (error) {
        metrics?.deliveries.inc({ event: name, outcome: "failed" });
        metrics?.errors.inc({ where: name });
        context.log.error(
          { err: error, event: name, delivery: context.id },
          "squad-bot failed to handle an event",
        );
        throw error;
      }
    };
    app.on("issues", guard("issues", onIssueEvent));
    app.on("issue_comment", guard("issue_comment", onCommentEvent));
    app.on("push", guard("push", onPush));
    app.on("pull_request", guard("pull_request", onPullRequest));
    app.on("projects_v2_item", guard("projects_v2_item", onProjectItemEvent));
    // The community journey runs beside the squad handlers of the same events, never inside
    // them: a failure in one is logged and leaves the other's work done.
    for (const name of ["issues", "pull_request", "pull_request_review", "issue_comment"] as const)
      app.on(name, guard(`community:${name}`, onContribution(name)));
    app.on("issue_comment", guard("quiet", onQuietCommand));
    app.on("release", guard("release", onRelease));
    onStart?.(runtime, app);
  };
}
