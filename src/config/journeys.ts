/**
 * Several journeys in one repository: an issue labelled with a journey's label (`journey:
 * implementation`) follows that journey's preset (phases, roles, cycle, recognition); the rest of
 * the config (maintainers, labels, notifications, digests, the board) is the repository's.
 */
import { sameName } from "../core/names.js";
import type { Config, Journey, ParsedConfig } from "./schema.js";

/** The journey an issue's labels put it in: the first configured one whose label it carries. */
function journeyOf(config: Config, labels: readonly string[]): Journey | undefined {
  return config.journeys.find((journey) => labels.some((label) => sameName(label, journey.label)));
}

/**
 * The config an issue is planned with: the repository's, or, for an issue in another journey,
 * that journey's phases, roles, cycle and recognition (its label recognises it) and its board
 * mapping. Everything else stays the repository's.
 */
export function configForIssue(config: Config, labels: readonly string[]): Config {
  const journey = journeyOf(config, labels);
  if (!journey) return config;
  return {
    ...config,
    journey: journey.id,
    phases: journey.phases,
    roles: journey.roles,
    cycle: journey.cycle,
    recognize: {
      ...journey.recognize,
      labels: [...journey.recognize.labels, journey.label],
    },
    roadmap: config.roadmap ? { ...config.roadmap, options: journey.roadmapOptions } : null,
  };
}

/** Every label that belongs to some journey of the repository: its own and each journey's phases. */
export function allPhaseLabels(config: Config): string[] {
  return [
    ...config.phases.map((phase) => phase.label),
    ...config.journeys.flatMap((journey) => journey.phases.map((phase) => phase.label)),
  ];
}

/**
 * The labels that make an issue a feature in some journey, for readers that list features by
 * label (digests, the dashboard): phase and recognition labels, each journey's label and phase
 * labels, and the blocked label, once each.
 */
export function featureLabels(config: Config): string[] {
  const labels = [...config.phases.map((p) => p.label), ...config.recognize.labels];
  for (const journey of config.journeys) {
    labels.push(journey.label, ...journey.phases.map((p) => p.label));
  }
  if (config.labels.blocked) labels.push(config.labels.blocked);
  return [...new Set(labels)];
}

/**
 * What only the journeys' presets can tell, as `[path, message]`: a board mapping naming a phase
 * the preset lacks, a journey label that is a phase label, a phase label two journeys share.
 */
export function journeyProblems(
  parsed: Pick<ParsedConfig, "journeys">,
  config: Config,
): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const own = new Set(config.phases.map((phase) => phase.label.toLowerCase()));
  config.journeys.forEach((journey, index) => {
    const ids = journey.phases.map((phase) => phase.id);
    for (const key of Object.keys(parsed.journeys[index]?.roadmap?.options ?? {})) {
      if (ids.includes(key)) continue;
      problems.push({
        path: ["journeys", index, "roadmap", "options", key],
        message: `\`${key}\` is not a phase of the \`${journey.id}\` preset; its phases are ${ids.map((id) => `\`${id}\``).join(", ")}`,
      });
    }
    if (own.has(journey.label.toLowerCase())) {
      problems.push({
        path: ["journeys", index, "label"],
        message: `\`${journey.label}\` is a phase label; a journey needs a label of its own`,
      });
    }
    const shared = journey.phases.find((phase) => own.has(phase.label.toLowerCase()));
    if (shared && journey.id !== config.preset) {
      problems.push({
        path: ["journeys", index, "preset"],
        message: `the \`${journey.id}\` preset's phase label \`${shared.label}\` is also a phase label of this repository, so an issue's phase would be ambiguous`,
      });
    }
  });
  return problems;
}
