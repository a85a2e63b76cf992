/**
 * What every webhook handler does before its own work: read the payload, skip the events the
 * app's own writes cause, and load the repository's config (a handler does nothing where it is
 * invalid or disabled).
 */
import type { Context } from "probot";
import type { z } from "zod";
import type { Config } from "../config/schema.js";
import type { GitHubPort } from "../github/port.js";
import type { RepoRef } from "../github/types.js";
import type { Runtime } from "./runtime.js";

/** The payload when it has the fields the handler reads; otherwise a warning and null. */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  context: Pick<Context, "payload" | "log">,
  event: string,
): z.output<S> | null {
  const parsed = schema.safeParse(context.payload);
  if (parsed.success) return parsed.data;
  context.log.warn({ issues: parsed.error.issues }, `ignored a malformed ${event} payload`);
  return null;
}

/** True when this app sent the event: its own writes come back and must plan nothing. */
export async function isOwnEvent(runtime: Runtime, sender: string): Promise<boolean> {
  return sender.toLowerCase() === (await runtime.appLogin()).toLowerCase();
}

/** The repository's valid, enabled config, or null (then the bot does nothing there). */
export async function configFor(
  runtime: Runtime,
  port: GitHubPort,
  repo: RepoRef,
  log: Context["log"],
): Promise<Config | null> {
  const loaded = await runtime.config(port, repo, log);
  return loaded.ok === true && loaded.config.enabled ? loaded.config : null;
}

/** The event's port and its repository's enabled config, or null when there is none. */
export async function openRepo(
  runtime: Runtime,
  context: Context,
  repo: RepoRef,
): Promise<{ port: GitHubPort; config: Config } | null> {
  const port = runtime.deps.githubFor(context);
  const config = await configFor(runtime, port, repo, context.log);
  return config ? { port, config } : null;
}
