/**
 * What a person sees: each dashboard page in headless Chromium (Debian's package, driven by
 * playwright-core) at 360 px and at desktop width, content, filters and links checked, axe-core
 * finding no WCAG 2.1 AA violation. Screenshots go to test-artifacts/dashboard/.
 * Without a browser the suite skips, loudly; with CI=true a missing browser fails it.
 */
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import axe from "axe-core";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import type { ContributorStore } from "../../src/store/types.js";
import { dashboardRoute } from "../../src/web/routes.js";
import { feature, snapshot } from "./fixture.js";

/** What the in-page functions use of the browser's globals (the project compiles without the DOM's types). */
interface InPage {
  document: {
    documentElement: { scrollWidth: number; clientWidth: number };
    querySelectorAll(selector: string): { length: number };
  };
  axe: typeof axe;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const found = existsSync(CHROMIUM);
const ARTIFACTS = join(process.cwd(), "test-artifacts", "dashboard");
if (!found) {
  const message = `browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
  // In CI a missing browser is a failure; .ci/run sets the skip only when apt cannot reach its mirror.
  if (process.env.CI === "true" && process.env.DASHBOARD_BROWSER_TESTS !== "skip") {
    throw new Error(message);
  }
  console.warn(`\n*** ${message}: SKIPPED ***\n`);
}

const data = snapshot([
  feature({ number: 1, title: "Offline sync for field workers", demand: 12, lead: "lena" }),
  feature({ number: 2, title: "Bulk SMS export", demand: 4, seekingMembers: true, labels: ["ux"] }),
  feature({
    number: 3,
    title: "<script>alert(1)</script> \u202eevil",
    phase: "inception",
    demand: 1,
  }),
  feature({ number: 4, title: "x".repeat(10_000), phase: "testing", blocked: "waiting on design" }),
  feature({ number: 5, title: "Faster sync", phase: "release", stalled: true }),
]);

const PAGES = [
  { path: "", heading: "Squads by phase", shows: "Offline sync for field workers" },
  { path: "demand/", heading: "Demand", shows: "Bulk SMS export" },
  { path: "community/", heading: "Community journey", shows: "tess" },
  { path: "opportunities/", heading: "Opportunities", shows: "Fix a typo" },
  { path: "history/", heading: "Releases and history", shows: "Squad digest 2026-W48" },
  { path: "feature/acme/widgets/1/", heading: "Offline sync for field workers", shows: "Timeline" },
];
const SIZES = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 900 },
];

describe.skipIf(!found)("dashboard in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let store: ContributorStore;
  let base: string;

  beforeAll(async () => {
    store = await openStore({ dataDir: ":memory:" });
    await store.saveSnapshot("acme/widgets", new Date(), data);
    const route = dashboardRoute(store, {});
    server = createServer((req, res) => void route(req, res));
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dashboard/`;
    await mkdir(ARTIFACTS, { recursive: true });
    // launch() gives Chromium a fresh temporary profile of its own and deletes it on close.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
    await store?.close();
  });

  async function open(path: string, size: (typeof SIZES)[number], scheme: "light" | "dark") {
    // The pages' policy allows no script; axe is injected by the test, not by the page.
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      colorScheme: scheme,
      bypassCSP: true,
    });
    const page = await context.newPage();
    const response = await page.goto(`${base}${path}`);
    expect(response?.status()).toBe(200);
    return { page, context };
  }

  for (const size of SIZES) {
    for (const target of PAGES) {
      it(`${target.path || "overview"} at ${size.name}: content, no overflow, no axe violations`, async () => {
        for (const scheme of ["light", "dark"] as const) {
          const { page, context } = await open(target.path, size, scheme);
          expect(await page.locator("h1").innerText()).toContain(target.heading.slice(0, 40));
          expect(await page.content()).toContain(target.shows);
          // Nothing wider than the window, whatever the titles: only the board scrolls sideways.
          const overflow = await page.evaluate(() => {
            const root = (globalThis as unknown as InPage).document.documentElement;
            return root.scrollWidth - root.clientWidth;
          });
          expect(overflow).toBeLessThanOrEqual(0);
          await page.addScriptTag({ content: axe.source });
          const violations = await page.evaluate(async () => {
            const result = await (globalThis as unknown as InPage).axe.run(
              (globalThis as unknown as InPage).document as unknown as axe.ElementContext,
              {
                runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
              },
            );
            return result.violations.map(
              (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
            );
          });
          expect(violations).toEqual([]);
          const name = `${(target.path || "overview").replaceAll("/", "-").replace(/-$/, "")}-${size.name}-${scheme}.png`;
          await page.screenshot({ path: join(ARTIFACTS, name), fullPage: false });
          await context.close();
        }
      }, 60_000);
    }
  }

  it("filters through the URL without JavaScript, and links to GitHub and feature pages", async () => {
    const { page, context } = await open("", SIZES[1] as (typeof SIZES)[number], "light");
    await page.selectOption("select[name=seeking]", "1");
    await page.click("button[type=submit]");
    expect(page.url()).toContain("seeking=1");
    const titles = await page.locator(".card .title").allInnerTexts();
    expect(titles).toEqual(["Bulk SMS export"]);
    const issue = page.locator(".card .facts a").first();
    expect(await issue.getAttribute("href")).toBe("https://github.com/acme/widgets/issues/2");
    await page.click(".card .title a");
    expect(page.url()).toContain("/dashboard/feature/acme/widgets/2/");
    expect(await page.locator("h1").innerText()).toBe("Bulk SMS export");
    // A hostile title stayed text: no dialog opened, no script element from it.
    const scripts = await page.evaluate(
      () => (globalThis as unknown as InPage).document.querySelectorAll("script").length,
    );
    expect(scripts).toBe(0);
    await context.close();
  }, 60_000);
});
