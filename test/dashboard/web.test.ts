/** The dashboard's view models and pages, from a snapshot, without a browser. */
import { describe, expect, it } from "vitest";
import { relativeRoot, renderPath, sitePaths } from "../../src/web/site-pages.js";
import { parseSnapshot } from "../../src/web/snapshot.js";
import {
  demandCsv,
  demandRanking,
  filterQuery,
  overviewModel,
  parseFilters,
  safeHref,
} from "../../src/web/view-models.js";
import { feature, snapshot } from "./fixture.js";

const site = { root: "/dashboard/", sections: snapshot([]).sections, served: true };
const html = (path: string, query = "") =>
  renderPath(site, snap, path, new URLSearchParams(query))?.body ?? "";

const snap = snapshot([
  feature({ number: 1, demand: 9, daysInPhase: 5 }),
  feature({ number: 2, demand: 1, daysInPhase: 90, seekingMembers: true, labels: ["ux"] }),
  feature({
    number: 3,
    phase: "inception",
    repo: "acme/gadgets",
    url: "https://github.com/acme/gadgets/issues/3",
  }),
  feature({ number: 4, state: "closed", phase: "release" }),
]);

describe("overview model", () => {
  it("puts open features in one column per phase, by demand", () => {
    const model = overviewModel(snap, parseFilters(new URLSearchParams(), snap));
    expect(model.columns.map((c) => c.id)).toEqual([
      "inception",
      "convergence",
      "building",
      "testing",
      "release",
    ]);
    expect(model.columns[2]?.features.map((f) => f.number)).toEqual([1, 2]);
    expect(model.total).toBe(3);
  });

  it("filters by repository, phase, label and seeking members, and sorts by time in phase", () => {
    const by = (query: string) =>
      overviewModel(snap, parseFilters(new URLSearchParams(query), snap)).columns.flatMap((c) =>
        c.features.map((f) => f.number),
      );
    expect(by("repo=acme/gadgets")).toEqual([3]);
    expect(by("label=ux")).toEqual([2]);
    expect(by("seeking=1")).toEqual([2]);
    expect(by("sort=time")).toEqual([3, 2, 1]);
    expect(
      overviewModel(snap, parseFilters(new URLSearchParams("phase=building"), snap)).columns,
    ).toHaveLength(1);
  });

  it("ignores unknown filter values and writes the filters back as a shareable query", () => {
    const filters = parseFilters(
      new URLSearchParams("repo=evil/x&phase=nope&sort=time&seeking=1"),
      snap,
    );
    expect(filters).toMatchObject({ repo: null, phase: null, sort: "time", seeking: true });
    expect(filterQuery(filters)).toBe("?seeking=1&sort=time");
  });
});

describe("rankings", () => {
  it("ranks open requests by demand and exports them as CSV, formulas defused", () => {
    expect(demandRanking(snap).map((f) => f.number)).toEqual([1, 3, 2]);
    const csv = demandCsv(snapshot([feature({ title: '=HYPERLINK("x"), "quoted"' })]));
    expect(csv.split("\r\n")[1]).toBe(
      `1,acme/widgets,1,"'=HYPERLINK(""x""), ""quoted""",https://github.com/acme/widgets/issues/1,building,3,2,1,2`,
    );
  });

  it("links only to web addresses", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("https://github.com/a/b")).toBe("https://github.com/a/b");
  });
});

describe("pages", () => {
  it("renders every page of the site, with the data's time", () => {
    for (const path of sitePaths(snap)) expect(renderPath(site, snap, path)).not.toBeNull();
    expect(html("")).toContain('<time datetime="2026-11-30T07:00:00.000Z">');
    expect(html("community/")).toContain("tess");
    expect(html("history/")).toContain("<svg");
    expect(html("feature/acme/widgets/1/")).toContain("<svg");
    expect(renderPath(site, snap, "feature/acme/widgets/99/")).toBeNull();
    expect(parseSnapshot(JSON.parse(html("data.json")))).not.toBeNull();
  });

  it("leaves out the sections the config turns off", () => {
    const some = { ...snap, sections: ["squads" as const] };
    expect(renderPath(site, some, "demand/")).toBeNull();
    expect(renderPath(site, some, "")?.body).not.toContain('href="/dashboard/demand/"');
  });

  it("links relatively in the static export", () => {
    expect(relativeRoot("")).toBe("./");
    expect(relativeRoot("demand/")).toBe("../");
    expect(relativeRoot("feature/acme/widgets/1/")).toBe("../../../../");
  });
});

describe("hostile text", () => {
  const hostile = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "\u202eevil\u202c title",
    "x".repeat(10_000),
  ];
  const bad = snapshot(
    hostile.map((title, i) =>
      feature({
        number: i + 1,
        title,
        lead: "<b>lead</b>",
        labels: [`<i>${i}</i>`],
        url: "javascript:alert(1)",
        links: { docs: "javascript:alert(2)" },
        related: [
          {
            repo: "acme/widgets",
            number: 9,
            title: "<script>x</script>",
            state: "open",
            url: "javascript:alert(3)",
          },
        ],
      }),
    ),
  );
  const pages = sitePaths(bad)
    .filter((path) => !path.endsWith(".json") && !path.endsWith(".csv"))
    .map((path) => renderPath({ ...site, served: true }, bad, path)?.body ?? "");

  it("renders as text: no tag, handler or javascript: link gets through", () => {
    for (const body of pages) {
      expect(body).not.toMatch(/<script|<img|<b>|<i>|<[^>]*onerror/i);
      expect(body).not.toContain('javascript:alert(1)"');
      expect(body).not.toMatch(/href="javascript:/);
    }
    expect(pages.join("")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("keeps right-to-left overrides inside their own text", () => {
    expect(pages[0]).toContain("<bdi>\u202eevil\u202c title</bdi>");
  });
});
