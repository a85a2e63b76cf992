/**
 * Discourse's published OpenAPI description as a test oracle: every request the adapter sends to
 * the mocked forum is matched to an operation and validated (path, method, path/query/header
 * parameters, body) by openapi-backend; a request the description does not describe, or a query
 * parameter it does not declare, is a violation. Tests assert that no violation happened.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { OpenAPIBackend, type Operation } from "openapi-backend";
import { afterEach, expect } from "vitest";
import { useNock } from "../github/octokit/setup.js";

export const FORUM = "https://forum.example.org";
export const CREDENTIALS = { apiKey: "test-key", apiUsername: "squad-bot" };

const SPEC_FILE = join(import.meta.dirname, "..", "..", "specs", "discourse-openapi.json");

// Quick mode skips openapi-backend's own check of the document, which knows OpenAPI 3.0 only;
// the description is 3.1 (type arrays), which Ajv validates fine.
const api = new OpenAPIBackend({
  definition: JSON.parse(readFileSync(SPEC_FILE, "utf8")),
  quick: true,
  strict: true,
});
await api.init();

export interface SeenRequest {
  method: string;
  /** Path and query as sent, e.g. `/search.json?q=x`. */
  url: string;
  headers: Record<string, string | string[]>;
  body: unknown;
}

function declaredQuery(operation: Operation): Set<string> {
  const parameters = (operation.parameters ?? []) as { in?: string; name?: string }[];
  return new Set(parameters.filter((p) => p.in === "query").map((p) => p.name ?? ""));
}

/** What the description has against one request; empty when it describes it exactly. */
export function violationsOf(request: SeenRequest): string[] {
  const url = new URL(request.url, FORUM);
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length === 1 ? (values[0] as string) : values;
  }
  const seen = {
    method: request.method.toLowerCase(),
    path: url.pathname,
    headers: request.headers,
    query,
    ...(request.body === undefined || request.body === "" ? {} : { body: request.body }),
  };
  const name = `${request.method} ${request.url}`;
  const operation = api.matchOperation(seen);
  if (!operation) return [`${name}: no operation in the description`];
  const problems: string[] = [];
  const declared = declaredQuery(operation);
  for (const key of Object.keys(query)) {
    if (!declared.has(key))
      problems.push(
        `${name}: query parameter \`${key}\` is not declared by ${operation.operationId}`,
      );
  }
  const result = api.validateRequest(seen, operation);
  for (const error of result.errors ?? [])
    problems.push(`${name}: ${error.instancePath || "/"} ${error.message ?? error.keyword}`);
  return problems;
}

/** nock hands over a JSON body parsed or as text, depending on how it was sent. */
function asJson(body: unknown): unknown {
  if (typeof body !== "string" || body === "") return body;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** The nock side: mock one operation and check each request it answers. */
export class SpecCheckedForum {
  readonly seen: SeenRequest[] = [];
  readonly violations: string[] = [];

  /** Answers `method path` (query ignored when matching) with `status` and a JSON body. */
  reply(
    method: "GET" | "POST" | "PUT",
    path: string,
    status: number,
    body: unknown = {},
    headers: Record<string, string> = {},
  ): this {
    const record = (uri: string, requestBody: unknown, requestHeaders: SeenRequest["headers"]) => {
      const request = { method, url: uri, headers: requestHeaders, body: asJson(requestBody) };
      this.seen.push(request);
      this.violations.push(...violationsOf(request));
    };
    nock(FORUM)
      .intercept(path, method)
      .query(true)
      .reply(function (uri, requestBody) {
        record(uri, requestBody, this.req.headers);
        return [status, body as nock.Body, headers];
      });
    return this;
  }

  /** The same answer `times` times in a row. */
  replyTimes(
    times: number,
    method: "GET" | "POST" | "PUT",
    path: string,
    status: number,
    body: unknown,
    headers?: Record<string, string>,
  ): this {
    for (let i = 0; i < times; i++) this.reply(method, path, status, body, headers);
    return this;
  }
}

/**
 * No real network; after each test every mock was used (useNock) and every request matched the
 * description. Returns a getter for the current test's forum.
 */
export function useSpecCheckedForum(): () => SpecCheckedForum {
  let forum = new SpecCheckedForum();
  useNock();
  afterEach(() => {
    const { violations } = forum;
    forum = new SpecCheckedForum();
    expect(violations, "requests the Discourse description does not describe").toEqual([]);
  });
  return () => forum;
}
