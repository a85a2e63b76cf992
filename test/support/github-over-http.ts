/**
 * The in-memory GitHub served over HTTP on loopback, for app processes of their own: the test
 * holds one stateful GitHub, each process reaches it through the same port it would use in
 * production (one HTTP request per port call). The server can answer 502 to everything for a
 * while (an outage) and remembers every comment ever written, so a duplicate the clean-up later
 * removed is still seen.
 */
import { createServer, type Server } from "node:http";
import type { CommunityPort } from "../../src/features/community/port.js";
import { GitHubError, type GitHubPort } from "../../src/github/port.js";
import type { MutationOp } from "../../src/github/types.js";
import type { MemoryGitHub } from "../double/index.js";

const GITHUB_METHODS = {
  loadIssue: true,
  loadPullRequest: true,
  mutate: true,
  getPermission: true,
  findLabel: true,
  findUser: true,
  isTeamMember: true,
  getFile: true,
  listPullRequestFiles: true,
  createCheckRun: true,
  listCheckRuns: true,
  updateCheckRun: true,
  listIssuesWithLabel: true,
  createIssue: true,
  loadProject: true,
  findIssueByNodeId: true,
  loadOnboarding: true,
  readAhead: true,
} satisfies Record<keyof GitHubPort, true>;

const COMMUNITY_METHODS = {
  isOrgMember: true,
  isCollaborator: true,
  listGoodFirstIssues: true,
} satisfies Record<keyof CommunityPort, true>;

type Target = "github" | "community";

export interface ServedGitHub {
  url: string;
  /** While on, every request is answered 502, as GitHub does in an outage. */
  outage(on: boolean): void;
  /** Requests answered (not those refused by an outage). */
  requests(): number;
  /** Requests refused by an outage. */
  refused(): number;
  /** Every `addComment` ever applied: its subject's node id and body. */
  written: { subjectId: string; body: string }[];
  close(): Promise<void>;
}

/**
 * Serves `github` (and its community reads) on a free loopback port; each answer after
 * `latencyMs`, as GitHub's take tens of milliseconds (which is when instances race).
 */
export async function serveGitHub(github: MemoryGitHub, latencyMs = 0): Promise<ServedGitHub> {
  let down = false;
  let answered = 0;
  let refused = 0;
  const written: ServedGitHub["written"] = [];
  const community = github.community();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const answer = (status: number, value: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(value));
      };
      if (down) {
        refused++;
        return answer(502, { error: { message: "Bad Gateway", kind: "server", status: 502 } });
      }
      answered++;
      const [, target, method] = (req.url ?? "").split("/") as [string, Target, string];
      const known = target === "github" ? GITHUB_METHODS : COMMUNITY_METHODS;
      if (!Object.hasOwn(known, method)) return answer(404, { error: { message: method } });
      const args = JSON.parse(Buffer.concat(chunks).toString()) as unknown[];
      const receiver = (target === "github" ? github : community) as unknown as Record<
        string,
        (...a: unknown[]) => Promise<unknown>
      >;
      try {
        const value = await receiver[method]?.(...args.map((a) => (a === null ? undefined : a)));
        if (method === "mutate") {
          for (const op of args[0] as MutationOp[]) {
            if (op.op === "addComment") written.push({ subjectId: op.subjectId, body: op.body });
          }
        }
        answer(200, { value: value ?? null });
      } catch (error) {
        const e = error as Partial<GitHubError>;
        const status = error instanceof GitHubError ? (error.status ?? 500) : 500;
        answer(status, { error: { message: e.message, kind: e.kind ?? "unknown", status } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    outage: (on) => {
      down = on;
    },
    requests: () => answered,
    refused: () => refused,
    written,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function call(url: string, target: Target, method: string, args: unknown[]) {
  const response = await fetch(`${url}/${target}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(args),
  });
  const answer = (await response.json()) as {
    value?: unknown;
    error?: { message: string; kind: GitHubError["kind"]; status?: number };
  };
  if (answer.error) {
    throw new GitHubError(answer.error.message, answer.error.kind, answer.error.status);
  }
  return answer.value === null ? null : answer.value;
}

function remote<T>(url: string, target: Target, methods: Record<string, true>): T {
  const entries = Object.keys(methods).map((method) => [
    method,
    (...args: unknown[]) => call(url, target, method, args),
  ]);
  return Object.fromEntries(entries) as T;
}

/** The GitHub port over `serveGitHub`'s server. */
export const remoteGitHub = (url: string): GitHubPort =>
  remote<GitHubPort>(url, "github", GITHUB_METHODS);

/** The community journey's reads over `serveGitHub`'s server. */
export const remoteCommunity = (url: string): CommunityPort =>
  remote<CommunityPort>(url, "community", COMMUNITY_METHODS);
