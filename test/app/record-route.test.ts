/** The webhook route's short way: what it records itself, and what it leaves to Probot's route. */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Probot } from "probot";
import { beforeAll, describe, expect, it } from "vitest";
import { recordFirst } from "../../src/app/record-route.js";
import type { Delivery } from "../../src/inbox/inbox.js";
import { signedWebhook } from "../support/webhook-server.js";

const PATH = "/api/github/webhooks";

function request(headers: Record<string, string>, body: Buffer, url = PATH): IncomingMessage {
  return { method: "POST", url, headers, rawBody: body } as unknown as IncomingMessage;
}

function response() {
  const answer = { status: 0, body: "" };
  const res = {
    writeHead(status: number) {
      answer.status = status;
      return res;
    },
    end(body: string) {
      answer.body = body;
    },
  };
  return { res: res as unknown as ServerResponse, answer };
}

describe("recordFirst", () => {
  const app = new Probot({ githubToken: "test-token", secret: "webhook-secret" });
  const recorded: Delivery[] = [];
  let passedOn = 0;
  const route = recordFirst(
    app,
    `${PATH}/`,
    { events: new Set(["issues"]), record: async (d) => void recorded.push(d) },
    async () => {
      passedOn++;
      return true;
    },
  );
  beforeAll(() => app.ready());

  const attempt = async (req: IncomingMessage) => {
    const { res, answer } = response();
    recorded.length = 0;
    passedOn = 0;
    await route(req, res);
    return { answer, recorded: [...recorded], passedOn };
  };

  it("records a signed delivery of an event it takes and answers it, without Probot's route", async () => {
    const { headers, body } = signedWebhook("r-1", "issues", { action: "opened" });
    const seen = await attempt(request(headers, body, `${PATH}?x=1`));
    expect(seen).toEqual({
      answer: { status: 200, body: "ok\n" },
      recorded: [{ id: "r-1", name: "issues", payload: { action: "opened" } }],
      passedOn: 0,
    });
  });

  it("passes on what it is not sure of, recording nothing", async () => {
    const { headers, body } = signedWebhook("r-2", "issues", { action: "opened" });
    const cases = [
      request({ ...headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` }, body),
      request({ ...headers, "x-github-event": "star" }, body),
      request({ ...headers, "content-type": "text/plain" }, body),
      request(headers, body, "/elsewhere"),
      request(signedWebhook("r-3", "issues", [1]).headers, Buffer.from("[1]")),
      request({ ...headers, "x-github-delivery": "" }, body),
    ];
    for (const req of cases)
      expect(await attempt(req)).toMatchObject({ recorded: [], passedOn: 1 });
  });
});
