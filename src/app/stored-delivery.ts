/**
 * A delivery taken from the inbox as Probot would have handed it to a handler: a Context over
 * the installation's Octokit (a fresh token from `app.auth`) and a logger naming the delivery.
 */
import { Context, type Probot } from "probot";
import type { Delivery } from "../inbox/inbox.js";
import { installationOf } from "./runtime.js";

export async function contextOf(app: Probot, delivery: Delivery): Promise<Context> {
  const installation = installationOf(delivery.payload);
  const octokit = await app.auth(installation === 0 ? undefined : installation);
  const log = app.log.child({ name: "event", id: delivery.id });
  return new Context(delivery as ConstructorParameters<typeof Context>[0], octokit, log);
}
