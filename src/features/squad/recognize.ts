/** Which issues are feature requests, and which phase a label or a typed name means. */
import type { Config, Phase } from "../../config/schema.js";
import { headings, normalizeHeading } from "../../core/markdown-sections.js";
import { readMarkdown } from "../../core/markdown-tree.js";
import { sameName } from "../../core/names.js";

/** The template's headings, as a real heading or a bold lead-in line (classic templates). */
function matchesTemplate(config: Config, body: string): boolean {
  if (config.recognize.templateHeadings.length === 0 || body === "") return false;
  const found = headings(readMarkdown(body), { leadIns: true }).map((h) =>
    normalizeHeading(h.text),
  );
  return config.recognize.templateHeadings.some((wanted) => {
    const prefix = normalizeHeading(wanted);
    return found.some((heading) => heading.startsWith(prefix));
  });
}

/** The first of `labels` that alone makes an issue a feature request, if any. */
export function recognitionLabel(config: Config, labels: string[]): string | undefined {
  return labels.find((label) => config.recognize.labels.some((wanted) => sameName(wanted, label)));
}

function hasRecognitionLabel(config: Config, labels: string[]): boolean {
  return recognitionLabel(config, labels) !== undefined;
}

export function phaseOfLabel(config: Config, label: string): Phase | undefined {
  return config.phases.find((phase) => sameName(phase.label, label));
}

export function phaseLabelsIn(config: Config, labels: string[]): Phase[] {
  return labels.flatMap((label) => phaseOfLabel(config, label) ?? []);
}

const hasAny = (labels: string[], wanted: string[]) =>
  labels.some((label) => wanted.some((w) => sameName(w, label)));

/**
 * A feature request by its labels or body alone, before any card exists. A phase label always
 * counts (a person put it there); an excluded label stops label and template recognition.
 */
export function looksLikeFeatureRequest(config: Config, labels: string[], body: string): boolean {
  if (phaseLabelsIn(config, labels).length > 0) return true;
  if (hasAny(labels, config.recognize.excludeLabels)) return false;
  if (hasRecognitionLabel(config, labels)) return true;
  // A label of `labelsWithTemplate` adds nothing alone: the template decides either way.
  return matchesTemplate(config, body);
}

export function phaseById(config: Config, id: string): Phase | undefined {
  return config.phases.find((phase) => phase.id === id);
}

/**
 * What a person meant by a phase name: its id, name or label, ignoring case, or an unambiguous
 * prefix of one ("conv" for Convergence).
 */
export function resolvePhaseName(config: Config, typed: string): Phase | Phase[] {
  const wanted = typed.trim().toLowerCase();
  const exact = config.phases.find(
    (p) => p.id === wanted || sameName(p.name, wanted) || sameName(p.label, wanted),
  );
  if (exact) return exact;
  const prefixed = config.phases.filter(
    (p) => p.id.startsWith(wanted) || p.name.toLowerCase().startsWith(wanted),
  );
  return prefixed.length === 1 ? (prefixed[0] as Phase) : prefixed;
}

/** The next phase on the main path, skipping optional phases such as Sunset. */
export function nextPhase(config: Config, current: Phase): Phase | null {
  return config.phases.slice(current.index + 1).find((p) => !p.optional) ?? null;
}
