/**
 * `npm run demo`: the real app, offline, against the in-memory GitHub. One feature request goes
 * from the issue form to Release through labels, commands and the roadmap board; then what GitHub
 * holds is printed, and the week's squad digest is posted.
 */
import { loadConfig } from "../src/config/load.js";
import { loadTemplates } from "../src/core/load-templates.js";
import { digestSettings } from "../src/features/digest/config.js";
import { runDigest } from "../src/features/digest/run.js";
import { CARD_MARKER } from "../src/features/squad/state.js";
import { MemoryDigestSource } from "../test/double/digest-source.js";
import { type Delivery, startApp } from "../test/support/app.js";
import { onboardingIssue, tick } from "../test/support/onboarding.js";
import {
  digestOnForumStep,
  forumIntakeStep,
  forumSquadHook,
  forumWorld,
  releaseAnnouncementStep,
} from "./demo-forum.js";
import { implementationDemo } from "./demo-implementation.js";

const BOARD = 112;
const CONFIG = `preset: squad-journey
roadmap:
  project: { org: medic, number: ${BOARD} }
  field: Stage
  options: { inception: Emerging, convergence: Emerging, building: Active, testing: Active, release: Active, measure: Winding Down }
  dates: { target: Target date }
digests:
  weekly: { timezone: Africa/Nairobi }
`;
const BODY = [
  "### Is your feature request related to a problem? Please describe.",
  "Community health workers cannot tell whether their data reached the server.",
  "",
  "### Describe the solution you'd like",
  "",
  "### Acceptance criteria",
  "- [ ] Sync status is visible offline",
  "- [ ] Status refreshes within a minute of a sync",
].join("\n");

// Onboarding is read from the in-memory GitHub, as in production: the demo starts at install.
// The shipped templates, or a copy at SQUAD_BOT_TEMPLATES_DIR: the demo previews edited texts.
const templates = loadTemplates();
const app = await startApp({ config: CONFIG, onboarding: "github", templates });
app.github.addProject("medic", {
  number: BOARD,
  title: "CHT Roadmap",
  fields: [
    { name: "Stage", type: "singleSelect", options: ["Emerging", "Active", "Winding Down"] },
    { name: "Target date", type: "date" },
  ],
});
const { maintainer, user, writer, owner } = app.people;
const lead = "lena-lead";

async function step(title: string, event: Delivery) {
  app.github.resetRequests();
  const searches = app.search.requests.length;
  await app.deliver(event);
  const echoes = await app.deliverEchoes();
  const calls = [
    ...app.github.requests.map((r) => r.method),
    ...app.search.requests.slice(searches).map(() => "searchIssues"),
  ];
  const ignored = echoes ? ` (then ${echoes} echo webhooks, ignored)` : "";
  console.log(`• ${title}\n    GitHub requests: ${calls.join(", ") || "none"}${ignored}`);
}

console.log("squad-bot demo: one feature request's life, offline\n");
const earlier = app.github.as(writer).openIssue(app.repo, {
  title: "Sync status indicator for offline data",
  body: "Users want to know whether their offline data has synced to the server.",
});
app.github.as(maintainer).close(earlier.ref, "not_planned");
app.github.drainAppEvents();

await step(
  `${user} comments on an old request: squad-bot writes its onboarding issue, nothing else`,
  app.github.as(user).comment(earlier.ref, "Is anyone working on this?"),
);
await step(
  `${writer} ticks "Turn squad-bot on" in #${onboardingIssue(app).number}`,
  tick(app, writer, "accept"),
);

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
await step(`${lead} volunteers: "/lead me"`, app.github.as(lead).comment(ref, "/lead me"));
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
  `${owner} drags the item to "Active" on the roadmap board`,
  app.github.as(owner).board("medic", BOARD).set(ref, "Stage", "Active"),
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
const item = app.github.projectItem("medic", BOARD, ref);
console.log(`\n=== What GitHub holds for ${ref.owner}/${ref.repo}#${ref.number} ===`);
console.log(`labels: ${issue?.labels.join(", ")}`);
console.log(`roadmap board #${BOARD}: ${JSON.stringify(item?.fields)}`);
for (const comment of issue?.comments ?? []) {
  const kind = comment.body.includes(`squad-bot:${CARD_MARKER} `) ? "the squad card" : "comment";
  const reactions = comment.reactions.map((r) => r.content).join(" ");
  console.log(
    `\n--- ${kind} by ${comment.author}${reactions ? ` [reactions: ${reactions}]` : ""} ---`,
  );
  console.log(comment.body.replace(/<!-- squad-bot:(\w+) .*? -->/g, "<!-- squad-bot:$1 … -->"));
}

app.clock.advance({ days: 7 });
const loaded = await loadConfig(app.github, app.repo, templates);
if (loaded.ok !== true) throw new Error("the demo's config is invalid");
const digest = await runDigest({
  port: app.github,
  source: new MemoryDigestSource(app.github),
  home: app.repo,
  config: loaded.config,
  digests: digestSettings(loaded.config),
  kind: "weekly",
  now: app.clock.now(),
  author: app.github.appLogin,
  templates,
});
console.log(
  `\n=== The weekly squad digest: ${digest.period.key}, ${digest.outcome} as #${digest.issue?.number} ===\n`,
);
console.log(
  digest.rendered.markdown.replace(/<!-- squad-bot:(\w+) .*? -->/g, "<!-- squad-bot:$1 … -->"),
);

// The community dashboard of the same data, exported as a static site (the server serves the same pages under /dashboard).
const { takeSnapshot } = await import("../src/features/dashboard/refresh.js");
const { dashboardConfigSchema } = await import("../src/features/dashboard/config.js");
const { exportSite } = await import("../src/web/export.js");
const dashboardDir = (await import("node:path")).join(
  (await import("node:os")).tmpdir(),
  "squad-bot-demo-dashboard",
);
const dashboard = await takeSnapshot({
  config: loaded.config,
  settings: dashboardConfigSchema.parse({ title: "Demo squads" }),
  source: new MemoryDigestSource(app.github),
  repos: [app.repo],
  now: app.clock.now(),
  templates,
});
await exportSite(dashboard, dashboardDir);
console.log(`\n=== The community dashboard: open file://${dashboardDir}/index.html ===`);

// The forum side (issue 12): intake, the forum squad hooks, the digest topic and Slack message.
const forum = forumWorld();
const topicId = await forumIntakeStep({ github: app.github, repo: app.repo, templates }, forum);
forumSquadHook(topicId);
await releaseAnnouncementStep(
  forum,
  digest.period,
  [
    {
      title: issue?.title ?? "",
      url: `https://github.com/${ref.owner}/${ref.repo}/issues/${ref.number}`,
      lead,
      // The demo's own people; the announcement's loader reads them from the card (not built yet).
      members: [writer],
      reviewers: [maintainer],
    },
  ],
  templates,
);
await digestOnForumStep(forum, {
  period: digest.period,
  rendered: digest.rendered,
  githubUrl: digest.issue
    ? `https://github.com/${app.repo.owner}/${app.repo.repo}/issues/${digest.issue.number}`
    : null,
});

console.log("\n=== Part 2: a CHT implementation, through one cycle into the next ===\n");
console.log((await implementationDemo(templates)).join("\n"));
