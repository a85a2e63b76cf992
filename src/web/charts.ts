/**
 * The dashboard's charts as SVG text, drawn on the server by Observable Plot over linkedom's DOM:
 * no browser, no JavaScript on the page. Plot writes every label as a text node, so the DOM
 * escapes it.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

/** What is used of the SVG element Plot returns (the project compiles without the DOM's types). */
interface SvgElement {
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelectorAll(selector: string): Iterable<SvgElement>;
  outerHTML: string;
}

function plotDocument() {
  return parseHTML("<!doctype html><html><body></body></html>").document;
}

/** The serialised SVG with an accessible name: the figure's caption repeats it as text. */
function svgOf(chart: SvgElement, label: string): string {
  // An image's parts are presentational: Plot's aria-labels on its groups would be prohibited there.
  for (const part of chart.querySelectorAll("[aria-label], [aria-description]")) {
    part.removeAttribute("aria-label");
    part.removeAttribute("aria-description");
  }
  chart.setAttribute("role", "img");
  chart.setAttribute("aria-label", label);
  return chart.outerHTML;
}

/** A bar per month, e.g. features released or new contributors. */
export function monthlyBars(data: { month: string; count: number }[], label: string): string {
  const chart = Plot.plot({
    document: plotDocument(),
    width: 640,
    height: 200,
    marginLeft: 40,
    style: { background: "transparent" },
    x: { type: "band", label: null },
    y: { grid: true, label: null },
    marks: [Plot.barY(data, { x: "month", y: "count", fill: "currentColor" }), Plot.ruleY([0])],
  }) as unknown as SvgElement;
  return svgOf(chart, label);
}

/** A feature's stays in each phase, one bar per stay along time. */
export function phaseTimeline(
  steps: { name: string; from: string; to: string }[],
  label: string,
): string {
  const data = steps.map((s) => ({ name: s.name, from: new Date(s.from), to: new Date(s.to) }));
  const chart = Plot.plot({
    document: plotDocument(),
    width: 640,
    height: 60 + 28 * new Set(steps.map((s) => s.name)).size,
    marginLeft: 110,
    style: { background: "transparent" },
    x: { type: "utc", label: null },
    y: { label: null, domain: [...new Set(steps.map((s) => s.name))] },
    marks: [
      Plot.barX(data, {
        x1: "from",
        x2: "to",
        y: "name",
        fill: "currentColor",
        insetTop: 4,
        insetBottom: 4,
      }),
    ],
  }) as unknown as SvgElement;
  return svgOf(chart, label);
}
