/** The transition notice: who is mentioned, how many, and when nothing is posted. */
import { describe, expect, it } from "vitest";
import {
  noticeRecipients,
  renderTransitionNotice,
  type TransitionNoticeInput,
} from "../../src/features/squad/notification.js";
import { templates } from "../support/templates.js";
import { makeConfig } from "./fixtures.js";

const [inception, convergence, building] = makeConfig().phases;
if (!inception || !convergence || !building) throw new Error("phases missing");

function notice(overrides: Partial<TransitionNoticeInput> = {}): string | null {
  return renderTransitionNotice({
    templates,
    title: "Offline sync of household visits",
    from: convergence ?? null,
    to: building as NonNullable<typeof building>,
    by: "jkuester",
    recipients: ["amina", "sugat"],
    maxMentions: 25,
    neverMention: [],
    ...overrides,
  });
}

describe("renderTransitionNotice", () => {
  it("says what moved and mentions the squad", () => {
    expect(notice()).toBe(
      [
        "**Offline sync of household visits** moved from **Convergence** to **Building** (by [jkuester](https://github.com/jkuester)).",
        "",
        "cc @amina @sugat",
      ].join("\n"),
    );
  });

  it("announces a newly recognised feature", () => {
    expect(notice({ from: null, to: inception })).toMatch(
      /^\*\*Offline sync of household visits\*\* entered \*\*Inception\*\* \(by /,
    );
  });

  it("mentions at most maxMentions people and counts the rest", () => {
    const recipients = ["a1", "a2", "a3", "a4", "a5"];
    expect(notice({ recipients, maxMentions: 2 })).toMatch(/cc @a1 @a2 and 3 others following$/);
    expect(notice({ recipients, maxMentions: 4 })).toMatch(
      /cc @a1 @a2 @a3 @a4 and 1 other following$/,
    );
    expect(notice({ recipients, maxMentions: 5 })).toMatch(/cc @a1 @a2 @a3 @a4 @a5$/);
  });

  it.each<[string, Partial<TransitionNoticeInput>]>([
    ["nobody follows", { recipients: [] }],
    ["only the mover follows", { recipients: ["jkuester", "JKuester"] }],
    [
      "everyone opted out or is a bot",
      { recipients: ["amina", "dependabot[bot]"], neverMention: ["Amina"] },
    ],
    ["mentions are turned down to zero", { maxMentions: 0 }],
  ])("posts nothing when %s", (_name, overrides) => {
    expect(notice(overrides)).toBeNull();
  });

  it("escapes the title so it mentions nobody by itself", () => {
    const text = notice({ title: "@everyone <img src=x> [x](https://evil.example)" }) ?? "";
    expect(text.split("\n")[0]).not.toMatch(/@[A-Za-z0-9]/);
    expect(text).not.toContain("<img");
    expect(text).not.toContain("](https://evil.example");
  });
});

describe("noticeRecipients", () => {
  it("dedupes case-insensitively and drops the mover, opt-outs, bots and non-logins", () => {
    expect(
      noticeRecipients(
        [
          "amina",
          "Amina",
          "@sugat",
          "jkuester",
          "renovate[bot]",
          "quiet",
          "not a login",
          "",
          "dev-1",
        ],
        { by: "JKUESTER", neverMention: ["Quiet"] },
      ),
    ).toEqual(["amina", "sugat", "dev-1"]);
  });
});
