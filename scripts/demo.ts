/**
 * `npm run demo`: the real app, offline, against the in-memory GitHub. One feature request goes
 * from the issue form to Release through labels and commands; then what GitHub holds is printed.
 */

import { CARD_MARKER } from "../src/features/squad/state.js";
import { type Delivery, startApp } from "../test/support/app.js";

const BODY = [
  "### Is your feature request related to a problem? Please describe.",
  "Community health workers cannot tell whether their data reached the server.",
  "",
  "### Acceptance criteria",
  "- [ ] Sync status is visible offline",
  "- [ ] Status refreshes within a minute of a sync",
].join("\n");

const app = await startApp({ config: "preset: squad-journey\n" });
const { maintainer, user, writer } = app.people;
const lead = "lena-lead";

async function step(title: string, event: Delivery) {
  app.github.resetRequests();
  await app.deliver(event);
  const echoes = await app.deliverEchoes();
  const calls = app.github.requests.map((r) => r.method).join(", ") || "none";
  console.log(
    `• ${title}\n    GitHub requests: ${calls}${echoes ? ` (then ${echoes} echo webhooks, ignored)` : ""}`,
  );
}

console.log("squad-bot demo: one feature request's life, offline\n");
const opened = app.github
  .as(user)
  .openIssue(app.repo, { title: "Show sync status to CHWs", body: BODY });
const ref = opened.ref;
await step(`${user} opens a feature request from the template`, opened);
await step(`${writer} comments "/interested"`, app.github.as(writer).comment(ref, "/interested"));
await step(
  `${maintainer} adds the label "phase: convergence"`,
  app.github.as(maintainer).addLabel(ref, "phase: convergence"),
);
await step(
  `${lead} volunteers: "/lead me" and "/join"`,
  app.github.as(lead).comment(ref, "/lead me\n/join"),
);
app.clock.advance({ days: 9 });
await step(
  `${lead} tries "/phase building" too early`,
  app.github.as(lead).comment(ref, "/phase building"),
);
await step(
  `${lead} adds the scope, board and target`,
  app.github
    .as(lead)
    .comment(
      ref,
      "/link scope https://docs.example.org/sync-status\n/link board https://github.com/orgs/medic/projects/112\n/target 2026-04-30",
    ),
);
await step(
  `${lead} comments "/phase building"`,
  app.github.as(lead).comment(ref, "/phase building"),
);
app.clock.advance({ days: 30 });
await step(
  `${maintainer} labels it "phase: testing"`,
  app.github.as(maintainer).addLabel(ref, "phase: testing"),
);
app.clock.advance({ days: 7 });
await step(
  `${user} ticks the acceptance criteria`,
  app.github.as(user).editBody(ref, BODY.replaceAll("- [ ]", "- [x]")),
);
await step(`${lead} comments "/phase release"`, app.github.as(lead).comment(ref, "/phase release"));

const issue = app.github.issue(ref);
console.log(`\n=== What GitHub holds for ${ref.owner}/${ref.repo}#${ref.number} ===`);
console.log(`labels: ${issue?.labels.join(", ")}`);
for (const comment of issue?.comments ?? []) {
  const kind = comment.body.includes(`squad-bot:${CARD_MARKER} `) ? "the squad card" : "comment";
  const reactions = comment.reactions.map((r) => r.content).join(" ");
  console.log(
    `\n--- ${kind} by ${comment.author}${reactions ? ` [reactions: ${reactions}]` : ""} ---`,
  );
  console.log(comment.body.replace(/<!-- squad-bot:(\w+) .*? -->/g, "<!-- squad-bot:$1 … -->"));
}
