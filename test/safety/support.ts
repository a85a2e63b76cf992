/** What the safety tests share: the app on the in-memory GitHub and a feature request in it. */
import { onceBody } from "../../src/actions/executor.js";
import type { IssueRef } from "../../src/github/types.js";
import { startApp, type TestApp } from "../support/app.js";

export const CONFIG = "preset: squad-journey\n";

export const REQUEST = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem? Please describe.\nSync is opaque.",
};

/** The app with one feature request opened by `people.user` and delivered: it has its card. */
export async function appWithRequest(config = CONFIG): Promise<{ app: TestApp; ref: IssueRef }> {
  const app = await startApp({ config });
  const opened = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
  await app.deliver(opened);
  return { app, ref: opened.ref };
}

/**
 * A comment written as the app itself (as another instance, or an older version, would have
 * left it); its echo is dropped, as the app ignores its own events anyway.
 */
export function postAsApp(app: TestApp, ref: IssueRef, body: string) {
  const posted = app.github.as(app.github.appLogin).comment(ref, body);
  app.github.drainAppEvents();
  return posted;
}

/** The hidden once-marker the executor writes, as a person could copy it from a bot comment. */
export const pastedOnceMarker = (key: string) => onceBody(key, "Copied from another issue:");
