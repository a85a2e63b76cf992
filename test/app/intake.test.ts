/** A new request's first card: what happens next, what the template still asks, what may be related. */
import { describe, expect, it } from "vitest";
import { startApp } from "../support/app.js";
import { cards } from "../support/cards.js";

const TEMPLATE = [
  "### Is your feature request related to a problem? Please describe.",
  "Health workers cannot see whether offline data has synced to the server.",
  "",
  "### Describe the solution you'd like",
  "",
  "### Describe alternatives you've considered",
  "_No response_",
].join("\n");

describe("intake", () => {
  it("tells the author what happens next, what is unanswered, and what may be related", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const earlier = app.github.as(app.people.writer).openIssue(app.repo, {
      title: "Sync status indicator for offline data",
      body: "Users want to know whether their offline data has synced to the server.",
    });
    app.github.as(app.people.maintainer).close(earlier.ref);
    app.github
      .as(app.people.writer)
      .openIssue(app.repo, { title: "Dark mode for the admin app", body: "Colours." });
    const opened = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Show offline sync status", body: TEMPLATE });
    await app.deliver(opened);

    const card = cards(app.github, opened.ref)[0]?.body ?? "";
    expect(card).toContain("What happens next");
    expect(card).toContain("Describe the solution you'd like");
    expect(card).toContain("Describe alternatives you've considered");
    expect(card).not.toMatch(/still asks:[\s\S]*Is your feature request related/);
    expect(card).toMatch(new RegExp(`#${earlier.ref.number}\\b`));
    // Why it is listed, kept in the card's state and shown again on every later render.
    expect(card).toMatch(
      /Sync status indicator for offline data \(closed\) · shares: sync, status, offline/,
    );
    expect(card).not.toContain("Dark mode");
    expect(app.search.requests).toHaveLength(1);
    await app.deliver(app.github.as(app.people.user).editBody(opened.ref, `${TEMPLATE}\nMore.`));
    expect(cards(app.github, opened.ref)[0]?.body).toContain("(closed) · shares: sync, status");
    expect(app.search.requests).toHaveLength(1);
  });

  it("searches once per request and drops the section when the feature moves on", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const opened = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Show offline sync status", body: TEMPLATE });
    await app.deliver(opened);
    await app.deliver(app.github.as(app.people.user).editBody(opened.ref, `${TEMPLATE}\nMore.`));
    expect(app.search.requests).toHaveLength(1);
    await app.deliver(
      app.github.as(app.people.maintainer).addLabel(opened.ref, "phase: convergence"),
    );
    expect(cards(app.github, opened.ref)[0]?.body).not.toContain("What happens next");
  });

  it("still posts the card when search fails", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    app.search.searchIssues = async () => {
      throw new Error("search rate limit");
    };
    const opened = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Show offline sync status", body: TEMPLATE });
    await app.deliver(opened);
    expect(cards(app.github, opened.ref)).toHaveLength(1);
  });
});
