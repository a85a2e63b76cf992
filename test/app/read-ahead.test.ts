/** The read-ahead's answers stand in for later reads only while nothing can have changed them. */
import { describe, expect, it } from "vitest";
import { ReadAheadStash } from "../../src/app/read-ahead.js";
import { KeyedLock } from "../../src/core/keyed-lock.js";
import { issueKey } from "../../src/reconcile/loop.js";
import { createWorld } from "../double/fixtures.js";

const OPTIONS = { labelNames: ["phase: inception"] };

function setup() {
  const world = createWorld({ config: "preset: squad-journey\n" });
  const ref = world.github.as(world.people.user).openIssue(world.repo, { title: "Idea" }).ref;
  const lock = new KeyedLock();
  const stash = new ReadAheadStash(lock);
  const port = stash.port(world.github);
  const request = {
    configPath: ".github/squad-bot.yml",
    issue: { number: ref.number, options: OPTIONS },
  };
  const methods = () => world.github.requests.map((r) => r.method);
  world.github.resetRequests();
  return { world, ref, lock, stash, port, request, methods };
}

describe("the read-ahead stash", () => {
  it("serves the issue to this delivery's reconciles, narrower reads included, until it writes", async () => {
    const { world, ref, lock, stash, port, request, methods } = setup();
    await stash.read(world.github, world.repo, request);
    const key = issueKey(ref);
    await lock.run(key, () => port.loadIssue(ref, OPTIONS));
    await lock.run(key, () => port.loadIssue(ref, { labelNames: [] }));
    expect(methods()).toEqual(["readAhead"]);
    // A read asking for more than was read goes to GitHub.
    await port.loadIssue(ref, { labelNames: ["phase: building"] });
    expect(methods()).toEqual(["readAhead", "loadIssue"]);

    await stash.read(world.github, world.repo, request);
    const id = world.github.issue(ref)?.id ?? "";
    await port.mutate([{ op: "addComment", subjectId: id, body: "hi" }]);
    await lock.run(key, () => port.loadIssue(ref, OPTIONS));
    expect(methods()).toEqual(["readAhead", "loadIssue", "readAhead", "mutate", "loadIssue"]);
  });

  it("is not used when another run of the issue ended since, or was under way", async () => {
    const { world, ref, lock, stash, port, request, methods } = setup();
    const key = issueKey(ref);
    await stash.read(world.github, world.repo, request);
    await lock.run(key, async () => {}); // another delivery's reconcile
    await lock.run(key, () => port.loadIssue(ref, OPTIONS));
    expect(methods()).toEqual(["readAhead", "loadIssue"]);

    let release = () => {};
    const busy = lock.run(key, () => new Promise<void>((resolve) => (release = resolve)));
    await stash.read(world.github, world.repo, request);
    release();
    await busy;
    await lock.run(key, () => port.loadIssue(ref, OPTIONS));
    expect(methods()).toEqual(["readAhead", "loadIssue", "readAhead", "loadIssue"]);
  });
});
