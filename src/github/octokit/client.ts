/** What the port's pieces share: one delivery's Octokit, its request counter, and error mapping. */
import { ProbotOctokit } from "probot";
import { GitHubError } from "../port.js";
import { toGitHubError } from "./errors.js";

export interface Client {
  octokit: ProbotOctokit;
  /** Called once per HTTP request, before it is sent, with the port method it serves. */
  count(kind: string): void;
}

/** One counted request whose failure surfaces as a GitHubError naming `kind`. */
export async function send<T>(
  client: Client,
  kind: string,
  call: (octokit: ProbotOctokit) => Promise<T>,
): Promise<T> {
  client.count(kind);
  try {
    return await call(client.octokit);
  } catch (error) {
    throw toGitHubError(error, kind);
  }
}

/** For reads where "not there" is an answer rather than a failure. */
export async function unlessNotFound<T, F>(request: Promise<T>, fallback: F): Promise<T | F> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof GitHubError && error.kind === "not-found") return fallback;
    throw error;
  }
}

/** An Octokit over a plain token, for the CLI's offline jobs (digest, backfill). */
export function tokenOctokit(token: string): ProbotOctokit {
  return new ProbotOctokit({ auth: { token } });
}
