/** The Discourse description check itself: it passes what the description says and catches the rest. */
import { describe, expect, it } from "vitest";
import { violationsOf } from "./discourse-spec.js";

const AUTH = { "api-key": "k", "api-username": "squad-bot" };
const JSON_BODY = { ...AUTH, "content-type": "application/json" };

describe("violationsOf", () => {
  it.each([
    ["GET", "/t/42.json", AUTH, undefined],
    ["GET", "/posts/501.json", AUTH, undefined],
    ["GET", "/search.json?q=offline", AUTH, undefined],
    ["GET", "/t/external_id/squad-bot%3Aa%2Fb%231.json", AUTH, undefined],
    ["POST", "/posts.json", JSON_BODY, { raw: "hi", topic_id: 42 }],
    ["PUT", "/posts/501.json", JSON_BODY, { post: { raw: "hi" } }],
  ])("accepts %s %s as described", (method, url, headers, body) => {
    expect(violationsOf({ method, url, headers, body })).toEqual([]);
  });

  it.each([
    ["an undescribed path", "GET", "/t/42/raw.json", AUTH, undefined, "no operation"],
    ["an undescribed method", "DELETE", "/search.json", AUTH, undefined, "no operation"],
    [
      "an undeclared query parameter",
      "GET",
      "/t/42.json?include_raw=true",
      AUTH,
      undefined,
      "include_raw",
    ],
    [
      "a query parameter of the wrong type",
      "GET",
      "/search.json?q=x&page=two",
      AUTH,
      undefined,
      "must be integer",
    ],
    ["a missing required header", "GET", "/t/42.json", {}, undefined, "api-key"],
    [
      "a body key the operation does not take",
      "POST",
      "/posts.json",
      JSON_BODY,
      { raw: "hi", topic: 42 },
      "additional properties",
    ],
    ["a body without a required key", "POST", "/posts.json", JSON_BODY, { topic_id: 42 }, "raw"],
    [
      "a body of the wrong shape",
      "PUT",
      "/posts/501.json",
      JSON_BODY,
      { raw: "hi" },
      "additional properties",
    ],
  ])("refuses %s", (_, method, url, headers, body, expected) => {
    const violations = violationsOf({ method, url, headers, body });
    expect(violations.join("\n")).toContain(expected);
  });
});
