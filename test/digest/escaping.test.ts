/** Hostile titles, reasons and logins cannot mention, link, inject HTML or break the charts. */
import { describe, expect, it } from "vitest";
import { mermaidPie, mermaidText, mermaidTimeline } from "../../src/features/digest/charts.js";
import { collectWeekly } from "../../src/features/digest/collect.js";
import { renderCommunityDigest } from "../../src/features/digest/community.js";
import { digestsConfigSchema } from "../../src/features/digest/config.js";
import { reportedPeriod } from "../../src/features/digest/period.js";
import { toPlainText } from "../../src/features/digest/plain-text.js";
import { renderWeeklyDigest } from "../../src/features/digest/weekly.js";
import { templates } from "../support/templates.js";
import { digestWorld, MONDAY } from "./fixtures.js";

const HOSTILE = [
  "@everyone please look",
  "<img src=x onerror=alert(1)> pictures",
  "[free money](https://evil.example) now",
  "Break `the` fence ``` and **bold** | table",
  "title : section evil ; %% comment #1",
];

async function render(options: { mentionLeads?: boolean; config?: string } = {}) {
  const d = await digestWorld({
    digests: { weekly: { mentionLeads: options.mentionLeads ?? false } },
    ...(options.config ? { config: options.config } : {}),
  });
  HOSTILE.forEach((title, index) => {
    d.seed({
      title,
      history: [
        ["inception", "2026-11-02T10:00:00Z", "squad-bot[bot]"],
        ["convergence", `2026-11-2${index + 3}T10:00:00Z`, "@everyone"],
      ],
      lead: index === 0 ? "lead-person" : "<script>",
      blocked: "@org/team <b>now</b> [x](https://evil.example)",
      interested: ["fan"],
    });
  });
  const settings = d.digests.weekly;
  const period = reportedPeriod("weekly", new Date(MONDAY), "UTC");
  const data = await collectWeekly(d.source, [d.world.repo], {
    config: d.config,
    settings,
    period,
    now: new Date(MONDAY),
  });
  return renderWeeklyDigest({ data, config: d.config, settings, templates }).markdown;
}

/** Markdown links in the output, minus the ones to GitHub issues and profiles. */
const foreignLinks = (markdown: string) =>
  [...markdown.matchAll(/\]\((\S+?)\)/g)]
    .map((m) => m[1] ?? "")
    .filter(
      (url) => !/^https:\/\/github\.com\/(medic\/cht-core\/issues\/\d+|[A-Za-z0-9-]+)$/.test(url),
    );

describe("digest escaping", () => {
  it("never mentions anyone, links elsewhere or passes HTML through", async () => {
    const markdown = await render();
    expect(markdown).not.toMatch(/@(?!\u200d)[A-Za-z]/);
    expect(markdown).not.toContain("<img");
    expect(markdown).not.toContain("<script");
    expect(markdown).not.toContain("<b>");
    expect(foreignLinks(markdown)).toEqual([]);
    expect(markdown).toContain("\\[free money\\]\\(https://evil.example\\) now");
    // Fences open and close in pairs: a title cannot end a chart early.
    expect(markdown.split("\n").filter((line) => line.startsWith("```")).length % 2).toBe(0);
  });

  it("keeps chart statements one per line, with no keyword, comment or separator from users", async () => {
    const markdown = await render();
    const timeline = /```mermaid\ntimeline\n([\s\S]*?)```/.exec(markdown)?.[1] ?? "";
    const rows = timeline.trimEnd().split("\n");
    expect(rows[0]).toBe("  title Moves 2026-W48");
    // Punctuation is escaped as Mermaid's entity codes, never passed through nor dropped.
    const raw = (row: string) => row.replace(/#\d+;/g, "");
    for (const row of rows.slice(1)) expect(raw(row)).toMatch(/^ {2}\d+ Nov : [^:%#;`]+$/);
    expect(timeline).toContain("title #58; section evil #59; #37;#37; comment #35;1");
    expect(mermaidText("title: x")).toBe("\u200btitle#58; x");
    expect(mermaidText("   ")).toBe("item");
    expect(mermaidText("a".repeat(100))).toHaveLength(60);
    expect(
      mermaidPie("t", [
        { name: 'He said "hi"', count: 1 },
        { name: "empty", count: 0 },
      ]),
    ).toContain('"He said #34;hi#34;" : 1');
    expect(mermaidTimeline("t", [])).toBe("");
  });

  it("mentions a squad's lead only when config says so, and never one who opted out", async () => {
    expect(await render()).not.toContain("@lead-person");
    expect(await render({ mentionLeads: true })).toContain("lead @lead-person");
    const optedOut = await render({ mentionLeads: true, config: "neverMention: [lead-person]\n" });
    expect(optedOut).not.toContain("@lead-person");
    expect(optedOut).toContain("[lead-person](https://github.com/lead-person)");
  });

  it("escapes community data and defuses mentions in the plain text too", async () => {
    const settings = digestsConfigSchema.parse({
      monthly: { links: [{ title: "@everyone [x](y)", url: "https://forum.example.org/" }] },
    }).monthly;
    const markdown = renderCommunityDigest(
      {
        period: reportedPeriod("monthly", new Date(MONDAY), "UTC"),
        repos: [{ owner: "medic", repo: "cht-core" }],
        newContributors: [
          {
            login: "new-person",
            firstContribution: {
              repo: { owner: "medic", repo: "cht-core" },
              number: 5,
              title: "@here <img>",
              url: "javascript:alert(1)",
            },
          },
        ],
        milestones: [{ login: "not a login!", milestone: "<b>10</b> PRs @all" }],
        thriving: [],
        goodFirstIssues: [],
      },
      settings,
      templates,
    ).markdown;
    expect(markdown).not.toMatch(/@(?!\u200d)[A-Za-z]/);
    expect(markdown).not.toContain("javascript:");
    expect(markdown).not.toMatch(/<(img|b)>/);
    expect(toPlainText(markdown)).not.toMatch(/@(?!\u200d)[A-Za-z]/);
  });
});
