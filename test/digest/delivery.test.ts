/** Delivery against the in-memory GitHub: one digest per period, the previous one superseded. */
import { describe, expect, it } from "vitest";
import { decodeMarker } from "../../src/core/markers.js";
import { DIGEST_MARKER, planDelivery } from "../../src/features/digest/delivery.js";
import { type DigestRunInput, runDigest } from "../../src/features/digest/run.js";
import { InProcessLock } from "../../src/scheduler/lock.js";
import { templates } from "../support/templates.js";
import { digestWorld, MONDAY, seedRealisticWeek } from "./fixtures.js";

const LABEL = "squad-bot: digest";

async function setup() {
  const d = await digestWorld();
  seedRealisticWeek(d);
  d.world.github.resetRequests();
  const input = (at = MONDAY, extra: Partial<DigestRunInput> = {}): DigestRunInput => ({
    port: d.world.github,
    source: d.source,
    home: d.world.repo,
    config: d.config,
    digests: d.digests,
    kind: "weekly",
    now: new Date(at),
    author: d.world.github.appLogin,
    templates,
    ...extra,
  });
  const digests = () =>
    d.world.github
      .issues(d.world.repo)
      .filter((i) => i.labels.includes(LABEL))
      .map((i) => ({
        number: i.number,
        state: i.state,
        key: (decodeMarker(i.body, DIGEST_MARKER) as { key: string }).key,
        body: i.body,
      }));
  return { d, input, digests };
}

describe("digest delivery", () => {
  it("posts one labelled issue with the period key, however often it runs", async () => {
    const { d, input, digests } = await setup();
    const first = await runDigest(input());
    expect(first.outcome).toBe("posted");
    d.world.github.resetRequests();
    for (const at of [MONDAY, "2026-12-02T10:00:00Z", "2026-12-06T23:00:00Z"]) {
      expect((await runDigest(input(at))).outcome).toBe("exists");
    }
    expect(digests()).toMatchObject([{ state: "open", key: "weekly:2026-W48" }]);
    expect(digests()[0]?.body).toContain("## Squad digest 2026-W48");
    // A rerun reads the issues and one list of digests, and writes nothing.
    expect(d.world.github.writeCount()).toBe(0);
    expect(d.world.github.requestCount("listIssuesWithLabel")).toBe(3);
  });

  it("posts once when runs share a lock, and converges to one when they do not", async () => {
    const locked = await setup();
    const lock = new InProcessLock();
    const results = await Promise.all(
      [1, 2, 3].map(() => lock.tryRun("digest:weekly", () => runDigest(locked.input()))),
    );
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(locked.d.world.github.requestCount("createIssue")).toBe(1);

    const racing = await setup();
    const outcomes = await Promise.all([runDigest(racing.input()), runDigest(racing.input())]);
    const open = racing.digests().filter((i) => i.state === "open");
    expect(open).toHaveLength(1);
    expect(outcomes.map((o) => o.issue?.number)).toEqual([open[0]?.number, open[0]?.number]);
    const copy = racing.digests().find((i) => i.state === "closed");
    expect(copy?.body).toContain(`A second copy of #${open[0]?.number}`);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["exists", "posted"]);
  });

  it("closes the previous digest as superseded, once", async () => {
    const { d, input, digests } = await setup();
    await runDigest(input());
    const next = await runDigest(input("2026-12-07T08:00:00Z"));
    expect(next.period.key).toBe("weekly:2026-W49");
    const [w48, w49] = digests();
    expect(w48).toMatchObject({ state: "closed", key: "weekly:2026-W48" });
    expect(w48?.body).toContain(`Superseded by the next digest, #${w49?.number}.`);
    expect(w48?.body).toContain("## Squad digest 2026-W48");
    expect(w49).toMatchObject({ state: "open", key: "weekly:2026-W49" });
    d.world.github.resetRequests();
    await runDigest(input("2026-12-08T08:00:00Z"));
    expect(d.world.github.writeCount()).toBe(0);
  });

  it("does not close a later digest when an earlier period is rerun", async () => {
    const { input, digests } = await setup();
    await runDigest(input("2026-12-07T08:00:00Z"));
    const period = (await runDigest(input(MONDAY, { dryRun: true }))).period;
    await runDigest(input("2026-12-07T08:00:00Z", { period }));
    expect(digests().map((i) => [i.key, i.state])).toEqual([
      ["weekly:2026-W49", "open"],
      ["weekly:2026-W48", "open"],
    ]);
  });

  it("ignores digest markers in issues it did not write", async () => {
    const { d, input, digests } = await setup();
    const fake = `<!-- squad-bot:digest {"kind":"weekly","key":"weekly:2026-W48"} -->`;
    d.world.github
      .as("uma-user")
      .openIssue(d.world.repo, { title: "fake", body: fake, labels: [LABEL] });
    expect((await runDigest(input())).outcome).toBe("posted");
    expect(digests().filter((i) => i.state === "open")).toHaveLength(2);
  });

  it("reads and plans the delivery in a dry run, and writes nothing", async () => {
    const { d, input, digests } = await setup();
    const result = await runDigest(input(MONDAY, { dryRun: true }));
    expect(result).toMatchObject({ outcome: "dry-run", issue: null });
    expect(result.text).toContain("Squad digest 2026-W48");
    expect(result.writes).toEqual([
      'open issue "Squad digest 2026-W48 (23 Nov 2026 – 29 Nov 2026)" in medic/cht-core',
    ]);
    expect(d.world.github.requestCount("listIssuesWithLabel")).toBe(1);
    expect(d.world.github.writeCount()).toBe(0);
    expect(digests()).toEqual([]);
  });

  it("plans a create when no digest of the period exists", () => {
    const period = { kind: "weekly", key: "weekly:2026-W48" } as Parameters<
      typeof planDelivery
    >[0]["period"];
    const issue = { title: "t", body: "b", labels: [LABEL] };
    const repo = { owner: "medic", repo: "cht-core" };
    expect(
      planDelivery({ existing: [], author: "squad-bot[bot]", period, repo, issue, templates }),
    ).toEqual({
      posted: null,
      actions: [{ type: "openIssue", repo, issue }],
    });
  });
});
