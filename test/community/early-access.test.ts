/** Early access: everyone who followed a feature told once, in batches, quiet people left out. */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { onceBody } from "../../src/actions/executor.js";
import {
  type EarlyAccessInput,
  planEarlyAccess,
  postedKeys,
} from "../../src/features/community/early-access.js";
import { templates } from "../support/templates.js";

const people = (n: number, prefix = "p") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const comments = (actions: Action[]) => actions.flatMap((a) => (a.type === "comment" ? [a] : []));
const mentionsIn = (body: string) => body.match(/@[A-Za-z0-9-]+/g) ?? [];

function input(patch: Partial<EarlyAccessInput> = {}): EarlyAccessInput {
  return {
    state: { lead: "lead", members: people(28, "m"), interested: people(30, "i") },
    author: "author",
    title: "Offline maps",
    releaseUrl: "https://github.com/medic/cht-core/releases/tag/4.12.0-beta.1",
    maxMentionsPerComment: 25,
    quiet: new Set(),
    templates,
    ...patch,
  };
}

describe("planEarlyAccess", () => {
  it("tells 60 people in 3 comments of at most 25 mentions, author and lead first", () => {
    const plan = comments(planEarlyAccess(input()));
    expect(plan.map((a) => mentionsIn(a.body).length)).toEqual([25, 25, 10]);
    expect(mentionsIn(plan[0]?.body ?? "").slice(0, 2)).toEqual(["@author", "@lead"]);
    expect(new Set(plan.flatMap((a) => mentionsIn(a.body))).size).toBe(60);
    expect(plan[0]?.body).toContain(
      "[4.12.0-beta.1](https://github.com/medic/cht-core/releases/tag/4.12.0-beta.1)",
    );
  });

  it("plans the same keys every time", () => {
    const keys = () => comments(planEarlyAccess(input())).map((a) => a.key);
    expect(keys()).toEqual(keys());
    expect(new Set(keys()).size).toBe(3);
  });

  it("leaves out quiet people (any case), bots and duplicates", () => {
    const plan = comments(
      planEarlyAccess(
        input({
          state: {
            lead: "Lead",
            members: ["lead", "helper[bot]", "mo"],
            interested: ["MO", "ida"],
          },
          quiet: new Set(["ida"]),
          author: "IDA",
        }),
      ),
    );
    expect(plan.flatMap((a) => mentionsIn(a.body))).toEqual(["@Lead", "@mo"]);
  });

  it("tells nobody twice when the release is announced again, even by a later release", () => {
    const first = comments(planEarlyAccess(input()));
    const posted = postedKeys(
      first.map((a, i) => ({
        id: `c${i}`,
        databaseId: i,
        author: "squad-bot[bot]",
        byThisApp: true,
        body: onceBody(a.key, a.body),
        createdAt: "2026-03-01T00:00:00Z",
      })),
    );
    expect(planEarlyAccess(input({ posted }))).toEqual([]);
    const later = input({
      posted,
      releaseUrl: "https://github.com/medic/cht-core/releases/tag/4.12.0",
      state: { lead: "lead", members: people(28, "m"), interested: [...people(30, "i"), "newbie"] },
    });
    const again = comments(planEarlyAccess(later));
    expect(again.map((a) => mentionsIn(a.body))).toEqual([["@newbie"]]);
  });

  it("ignores once-keys in comments that another user wrote", () => {
    const [action] = comments(
      planEarlyAccess(input({ state: { lead: null, members: [], interested: [] } })),
    );
    const forged = postedKeys([
      {
        id: "x",
        databaseId: 1,
        author: "mallory",
        byThisApp: false,
        body: onceBody(action?.key ?? "", "hi"),
        createdAt: "",
      },
    ]);
    expect(forged).toEqual([]);
  });

  it("plans nothing when nobody followed the feature", () => {
    expect(
      planEarlyAccess(
        input({ state: { lead: null, members: [], interested: [] }, quiet: new Set(["author"]) }),
      ),
    ).toEqual([]);
  });
});
