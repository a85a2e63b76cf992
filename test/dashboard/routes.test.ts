/** `/dashboard` on a real HTTP server over a store: snapshot read from the store, access control. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import type { ContributorStore } from "../../src/store/types.js";
import type { AccessSecrets } from "../../src/web/access.js";
import { dashboardRoute } from "../../src/web/routes.js";
import { feature, snapshot } from "./fixture.js";

let server: Server | undefined;
let store: ContributorStore | undefined;
afterEach(async () => {
  await new Promise((done) => server?.close(done));
  await store?.close();
});

async function serve(data: object | null, secrets: AccessSecrets = {}) {
  store = await openStore({ dataDir: ":memory:" });
  if (data) await store.saveSnapshot("acme/widgets", new Date(), data as Record<string, unknown>);
  const route = dashboardRoute(store, secrets);
  server = createServer((req, res) => {
    void route(req, res).then((answered) => {
      if (!answered) res.writeHead(418).end();
    });
  });
  await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return (path: string, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${port}${path}`, { headers, redirect: "manual" });
}

describe("dashboard route", () => {
  it("serves the pages, the data and the CSV from the stored snapshot", async () => {
    const get = await serve(snapshot([feature()]));
    const page = await get("/dashboard/?phase=building");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain("Feature 1");
    expect((await get("/dashboard")).status).toBe(308);
    expect(await (await get("/dashboard/data.json")).json()).toMatchObject({ version: 2 });
    expect(await (await get("/dashboard/demand.csv")).text()).toMatch(/^rank,repo/);
    expect((await get("/dashboard/nope/")).status).toBe(404);
    expect((await get("/dashboard/%E0%A4%A")).status).toBe(404);
    expect((await get("/healthz")).status).toBe(418);
  });

  it("says when no snapshot was taken yet", async () => {
    const get = await serve(null);
    expect((await get("/dashboard/")).status).toBe(503);
  });

  it("asks for the token or password when access control is on", async () => {
    const get = await serve(snapshot([], { access: "basic" }), { user: "ann", password: "s3cret" });
    expect((await get("/dashboard/")).status).toBe(401);
    const basic = `Basic ${Buffer.from("ann:s3cret").toString("base64")}`;
    expect((await get("/dashboard/", { authorization: basic })).status).toBe(200);
    const wrong = `Basic ${Buffer.from("ann:nope").toString("base64")}`;
    expect((await get("/dashboard/", { authorization: wrong })).status).toBe(401);
  });

  it("asks for the token even on a public dashboard once one is set", async () => {
    const get = await serve(snapshot([]), { token: "t0ken" });
    expect((await get("/dashboard/")).status).toBe(401);
    expect((await get("/dashboard/?token=t0ken")).status).toBe(200);
    expect((await get("/dashboard/", { authorization: "Bearer t0ken" })).status).toBe(200);
  });

  it("is not served when access control is asked for without secrets", async () => {
    const get = await serve(snapshot([], { access: "token" }));
    expect((await get("/dashboard/")).status).toBe(503);
  });
});
