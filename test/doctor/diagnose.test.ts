/** doctor's judgments: each class of setup problem is found and comes with its next step. */
import { describe, expect, it } from "vitest";
import { diagnose, type Finding } from "../../src/doctor/diagnose.js";
import type { DoctorFacts } from "../../src/doctor/facts.js";
import { renderDoctorReport } from "../../src/doctor/report.js";
import { FEATURES } from "../../src/features/index.js";
import { presetConfig } from "../support/config.js";
import { healthyFacts, MANIFEST } from "./facts.js";

const judge = (facts: DoctorFacts) => diagnose(facts, MANIFEST, FEATURES);
const check = (findings: Finding[], name: string) => {
  const found = findings.find((f) => f.check === name);
  if (!found) throw new Error(`no ${name} check in ${findings.map((f) => f.check).join(", ")}`);
  return found;
};
const failing = (findings: Finding[]) =>
  findings.filter((f) => f.level === "fail").map((f) => f.check);

describe("squad-bot doctor's judgments", () => {
  it("a healthy setup passes every check, and a missing config is a warning with the fix", () => {
    const findings = judge(healthyFacts());
    expect(failing(findings)).toEqual([]);
    expect(check(findings, "config")).toMatchObject({ level: "warn" });
    expect(check(findings, "config").next.join()).toContain("commit .github/squad-bot.yml");
    expect(renderDoctorReport("medic/cht-core", findings, 8)).toMatch(
      /ready, with 1 warning \(8 requests/,
    );
  });

  it("missing credentials name the variables, and nothing else is claimed", () => {
    const facts = {
      ...healthyFacts(),
      app: null,
      hook: null,
      installation: null,
      deliveries: null,
      config: null,
    };
    facts.local = { ...facts.local, appId: null, keyGiven: false };
    const findings = judge(facts);
    expect(check(findings, "credentials").next.join("\n")).toMatch(/APP_ID[\s\S]*PRIVATE_KEY/);
    expect(failing(findings)).toContain("installation");
  });

  it("refused credentials point at the key and the clock", () => {
    const findings = judge({
      ...healthyFacts(),
      app: { failed: "GET /app: Bad credentials", status: 401 },
    });
    const found = check(findings, "credentials");
    expect(found.level).toBe("fail");
    expect(found.summary).toContain("HTTP 401");
    expect(found.next.join()).toMatch(/clock/);
  });

  it('an unset WEBHOOK_SECRET is a warning: Probot would check against "development"', () => {
    const facts = healthyFacts();
    facts.local.webhookSecretSet = false;
    expect(check(judge(facts), "credentials")).toMatchObject({ level: "warn" });
  });

  it.each([
    ["https://example.com/api/github/webhooks", null, "fail", /set the webhook URL/],
    ["", null, "fail", /set the webhook URL/],
    ["https://smee.io/abc", null, "warn", /WEBHOOK_PROXY_URL=https:\/\/smee.io\/abc/],
    ["https://smee.io/abc", "https://smee.io/other", "fail", /make them the same/],
    ["https://squad-bot.medic.org/", null, "warn", /does not end in \/api\/github\/webhooks/],
  ])("the webhook URL %j with proxy %j is %s", (url, proxy, level, advice) => {
    const facts = healthyFacts();
    facts.hook = { url, secretSet: true, contentType: "json" };
    facts.local.webhookProxyUrl = proxy;
    const found = check(judge(facts), "webhook");
    expect(found.level).toBe(level);
    expect(found.next.join("\n")).toMatch(advice);
  });

  it("a smee channel that the app listens on is fine", () => {
    const facts = healthyFacts();
    facts.hook = { url: "https://smee.io/abc", secretSet: true, contentType: "json" };
    facts.local.webhookProxyUrl = "https://smee.io/abc";
    expect(check(judge(facts), "webhook").level).toBe("ok");
  });

  it("a webhook without a secret fails", () => {
    const facts = healthyFacts();
    facts.hook = {
      url: "https://squad-bot.medic.org/api/github/webhooks",
      secretSet: false,
      contentType: "json",
    };
    expect(check(judge(facts), "webhook").next.join()).toMatch(/no secret/);
  });

  it("an app not installed on the repository says where to install it", () => {
    const findings = judge({ ...healthyFacts(), installation: null });
    expect(check(findings, "installation").next.join()).toContain(
      "https://github.com/apps/squad-bot/installations/new",
    );
    expect(findings.some((f) => f.check === "permissions")).toBe(false);
  });

  it("permissions granted below app.yml, and events not subscribed, are listed one by one", () => {
    const facts = healthyFacts();
    if (!facts.installation || "failed" in facts.installation) throw new Error("fixture");
    facts.installation.permissions = { ...facts.installation.permissions, issues: "read" };
    delete facts.installation.permissions.checks;
    facts.installation.events = facts.installation.events.filter((e) => e !== "release");
    const found = check(judge(facts), "permissions");
    expect(found.level).toBe("fail");
    expect(found.details).toEqual([
      "permission issues: needs write, granted read",
      "permission checks: needs write, granted none",
      "event release: not subscribed",
    ]);
    expect(found.next.join()).toContain("settings/installations/7");
  });

  it("a higher permission than asked for is enough", () => {
    const facts = healthyFacts();
    if (!facts.installation || "failed" in facts.installation) throw new Error("fixture");
    facts.installation.permissions = { ...facts.installation.permissions, contents: "write" };
    expect(check(judge(facts), "permissions").level).toBe("ok");
  });

  it("failed deliveries of this installation are shown with advice per status; others are not", () => {
    const facts = healthyFacts();
    const base = {
      event: "issues",
      action: "opened",
      status: "OK",
      redelivery: false,
      installationId: 7,
    };
    facts.deliveries = [
      {
        ...base,
        guid: "a",
        statusCode: 404,
        status: "Invalid HTTP Response: 404",
        deliveredAt: "2026-12-02T12:00:00Z",
      },
      {
        ...base,
        guid: "b",
        statusCode: 401,
        status: "Invalid HTTP Response: 401",
        deliveredAt: "2026-12-02T11:00:00Z",
      },
      {
        ...base,
        guid: "c",
        statusCode: 0,
        status: "timed out",
        deliveredAt: "2026-12-02T10:30:00Z",
      },
      { ...base, guid: "d", statusCode: 200, deliveredAt: "2026-12-02T10:00:00Z" },
      {
        ...base,
        guid: "other",
        statusCode: 500,
        installationId: 8,
        deliveredAt: "2026-12-02T09:00:00Z",
      },
    ];
    const found = check(judge(facts), "deliveries");
    expect(found.level).toBe("fail");
    expect(found.summary).toMatch(/^4 recent, 3 failed; the newest issues.opened/);
    expect(found.details.join("\n")).not.toContain("other");
    const next = found.next.join("\n");
    expect(next).toMatch(/must end in \/api\/github\/webhooks/);
    expect(next).toMatch(/WEBHOOK_SECRET must equal/);
    expect(next).toMatch(/could not reach/);
    expect(next).toMatch(/redelivery is safe/);
  });

  it("no delivery at all is a warning that says how to make one", () => {
    const found = check(judge({ ...healthyFacts(), deliveries: [] }), "deliveries");
    expect(found).toMatchObject({ level: "warn" });
  });

  it("an invalid config lists each problem where it is", () => {
    const facts = healthyFacts();
    facts.config = {
      ok: false,
      sources: ["medic/cht-core:.github/squad-bot.yml"],
      problems: [
        {
          source: "medic/cht-core:.github/squad-bot.yml",
          path: "roadmap.options",
          message: "unknown phase bulding",
          code: "x",
        } as never,
      ],
    };
    const found = check(judge(facts), "config");
    expect(found.level).toBe("fail");
    expect(found.details).toEqual([
      "medic/cht-core:.github/squad-bot.yml roadmap.options: unknown phase bulding",
    ]);
  });

  it("a valid config shows the features it switches on and which open issues it would take, and why", () => {
    const facts = healthyFacts();
    facts.config = {
      ok: true,
      config: presetConfig({ preset: "cht" }),
      sources: ["medic/cht-core:.github/squad-bot.yml"],
    };
    facts.openIssues = [
      { number: 1, title: "Offline maps", labels: ["Type: Feature"], body: "" },
      { number: 2, title: "Crash on sync", labels: ["Type: Bug"], body: "" },
      { number: 4, title: "Bump eslint", labels: ["Type: Improvement"], body: "Routine." },
      {
        number: 3,
        title: "Bulk export",
        labels: [],
        body: "**Is your feature request related to a problem? Please describe.**\nYes",
      },
    ];
    const findings = judge(facts);
    expect(check(findings, "config").details[0]).toMatch(/^features on: .*squad/);
    const recognition = check(findings, "recognition");
    expect(recognition.summary).toBe(
      "2 of the 4 newest open issues are feature requests to this config",
    );
    expect(recognition.details).toEqual([
      "#1 Offline maps: label `Type: Feature`",
      "#3 Bulk export: the template's heading",
    ]);
  });
});
