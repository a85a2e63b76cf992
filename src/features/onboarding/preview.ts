/**
 * The onboarding issue's body: what squad-bot would do here (recognition, the backlog it would
 * leave alone, the labels it would create, the board mapping, the config's problems) while it
 * waits, and the backlog box once it is on. Pure: every value comes in.
 */
import { checkReferences, referencesOf } from "../../config/references.js";
import type { Config } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type { RepoRef } from "../../github/types.js";
import type { RecognisedIssue, RecognitionReason } from "../squad/recognition-preview.js";
import { encodeRecord, type OnboardingRecord } from "./status.js";

/** The backlog as the recent listing saw it: open, updated within `days`, without a card. */
export interface BacklogPreview {
  days: number;
  candidates: RecognisedIssue[];
}

export interface OnboardingBodyInput {
  repo: RepoRef;
  config: Config;
  record: OnboardingRecord;
  /** Null when the open issues could not be listed. */
  backlog: BacklogPreview | null;
  /** The repository's labels, for the labels squad-bot would create and the config's references. */
  labels: string[];
  templates: Templates;
}

/** Candidates listed by name; a backlog of hundreds is counted, not listed. */
const LISTED = 20;

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const codes = (names: string[]) => names.map(code).join(", ");

function reasonText(t: Templates, reason: RecognitionReason): string {
  if (reason.kind === "template") return t.message("onboarding.reason.template");
  return t.message(`onboarding.reason.${reason.kind}`, { label: code(reason.label) });
}

/** "labelled `enhancement`; or whose body has the heading …; never one labelled `Type: Bug`". */
function recognitionText(t: Templates, config: Config): string {
  const { labels, labelsWithTemplate, templateHeadings, excludeLabels } = config.recognize;
  const ways = [
    ...(labels.length > 0
      ? [t.message("onboarding.recognize.labels", { labels: codes(labels) })]
      : []),
    ...(labelsWithTemplate.length > 0 && templateHeadings.length > 0
      ? [
          t.message("onboarding.recognize.labelsWithTemplate", {
            labels: codes(labelsWithTemplate),
          }),
        ]
      : []),
    ...(templateHeadings.length > 0
      ? [
          t.message("onboarding.recognize.template", {
            headings: templateHeadings.map((h) => `“${escapeInline(h)}”`).join(" or "),
          }),
        ]
      : []),
  ];
  const text = ways.length > 0 ? ways.join("; or ") : t.message("onboarding.recognize.none");
  return excludeLabels.length > 0
    ? `${text}; ${t.message("onboarding.recognize.exclude", { labels: codes(excludeLabels) })}`
    : text;
}

/** Phase and blocked labels the repository does not have yet: the executor creates them on first use. */
function labelsToCreate(config: Config, existing: string[]): string[] {
  const wanted = [
    ...config.phases.map((p) => p.label),
    ...(config.labels.blocked ? [config.labels.blocked] : []),
  ];
  return wanted.filter((name) => !existing.some((label) => sameName(label, name)));
}

function board(t: Templates, config: Config): { board: string; boardOptions: string[] } {
  const roadmap = config.roadmap;
  if (!roadmap) return { board: t.message("onboarding.board.none"), boardOptions: [] };
  const url = `https://github.com/orgs/${roadmap.project.org}/projects/${roadmap.project.number}`;
  const addOn = roadmap.addOnLabels.length > 0 ? codes(roadmap.addOnLabels) : undefined;
  return {
    board: t.message("onboarding.board.project", { url, field: code(roadmap.field), addOn }),
    boardOptions: config.phases.map((phase) => {
      const option = roadmap.options[phase.id];
      const name = escapeInline(phase.name);
      return option
        ? t.message("onboarding.board.option", { phase: name, option: code(option) })
        : t.message("onboarding.board.unmapped", { phase: name });
    }),
  };
}

/** What the configuration names that the repository lacks (labels: the one kind read here). */
function problems(input: OnboardingBodyInput): string[] {
  const existing = { labels: input.labels, teams: null, repositories: null };
  return checkReferences(referencesOf(input.config, input.repo.owner), existing).map(
    (p) => `${code(p.path)}: ${p.message}`,
  );
}

function pendingView(input: OnboardingBodyInput) {
  const { config, backlog, templates: t } = input;
  const first = config.phases[0];
  const candidates = backlog?.candidates ?? [];
  const listed = candidates.slice(0, LISTED).map((c) =>
    t.message("onboarding.candidate", {
      number: c.number,
      title: escapeInline(c.title),
      reason: reasonText(input.templates, c.reason),
    }),
  );
  const found = problems(input);
  const create = labelsToCreate(config, input.labels);
  return {
    firstLabel: first ? code(first.label) : "",
    recognition: recognitionText(input.templates, config),
    hasCandidates: candidates.length > 0,
    days: backlog?.days,
    count: candidates.length,
    candidates: listed,
    more: candidates.length > LISTED ? candidates.length - LISTED : undefined,
    noListing: backlog === null,
    labels: create.length > 0 ? codes(create) : t.message("onboarding.labels.none"),
    ...board(input.templates, config),
    hasProblems: found.length > 0,
    problems: found,
  };
}

function acceptedView(input: OnboardingBodyInput) {
  const { record, backlog, config, templates: t } = input;
  const adopt = record.adopt;
  const { perRun, cron, timezone } = config.onboarding.adopt;
  const every = t.message("onboarding.every.run", { cron: code(cron), timezone });
  const count = backlog?.candidates.length ?? 0;
  const asked = adopt
    ? { since: adopt.since.slice(0, 10), by: code(adopt.requestedBy), adopted: adopt.adopted }
    : {};
  return {
    acceptedAt: (record.acceptedAt ?? "").slice(0, 10),
    acceptedBy: code(record.acceptedBy ?? "ghost"),
    adoptable: !adopt && count > 0,
    adopting: adopt !== undefined && !adopt.done,
    adoptedAll: adopt?.done === true,
    nothingToAdopt: !adopt && backlog !== null && count === 0,
    count,
    days: backlog?.days ?? config.onboarding.adopt.updatedWithinDays,
    perRun,
    every,
    ...asked,
  };
}

export function renderOnboardingBody(input: OnboardingBodyInput): string {
  const accepted = input.record.acceptedAt !== undefined;
  return input.templates.render("onboarding", {
    pending: accepted ? false : pendingView(input),
    accepted: accepted ? acceptedView(input) : false,
    refused: (input.record.refused ?? []).map(code),
    marker: encodeRecord(input.record),
  });
}
