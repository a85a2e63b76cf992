import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { startApp } from "../support/app.js";

describe("logs", () => {
  it("carry the delivery id and the installation, and never the token", async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const app = await startApp({
      config: "preset: squad-journey\n",
      log: pino({ level: "info" }, sink),
    });
    const opened = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Sync", body: "", labels: ["enhancement"] });
    await app.deliver(opened);
    const reconciled = lines.find((l) => l.msg === "reconciled");
    expect(reconciled).toMatchObject({ id: opened.id, installation: 1 });
    expect(JSON.stringify(lines)).not.toContain("test-token");
  });
});
