/** The root configuration schema: strict, so a typo is an error with its path, never ignored. */
import { z } from "zod";
import { chatConfigSchema } from "../chat/config.js";
import { communityConfigSchema } from "../features/community/config.js";
import { dashboardConfigSchema } from "../features/dashboard/config.js";
import { digestsConfigSchema } from "../features/digest/config.js";
import { governanceConfigSchema } from "../features/governance/config.js";
import { onboardingConfigSchema } from "../features/onboarding/config.js";
import { intakeConfigSchema } from "../features/similar/config.js";
import { squadsConfigSchema } from "../features/squad-links/config.js";
import { sweepConfigSchema } from "../features/sweep/config.js";
import { forumConfigSchema } from "../forum/config.js";
import { checkUniqueIds, reportUnknownPhase } from "./id-checks.js";
import {
  checkJourney,
  cycleSchema,
  journeySchema,
  presetNameSchema,
  roleSchema,
} from "./journey.js";

export const LINK_KINDS = [
  "scope",
  "board",
  "repo",
  "design",
  "forum",
  "slack",
  "training",
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const phaseId = z.string().regex(
  /^[a-z][a-z0-9-]*$/,
  // Said after "expected" in a problem: "expected lower-case letters, …, got the text `Build`".
  "lower-case letters, digits and dashes, e.g. `building`",
);

const criterionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("lead") }),
  z.strictObject({ type: z.literal("link"), kind: z.enum(LINK_KINDS) }),
  z.strictObject({ type: z.literal("target") }),
  z.strictObject({ type: z.literal("members"), min: z.number().int().min(1) }),
  z.strictObject({
    type: z.literal("checklist"),
    /** Heading in the issue body whose task list must be fully checked, e.g. "Acceptance criteria". */
    heading: z.string().min(1),
  }),
  z.strictObject({ type: z.literal("reason") }),
  z.strictObject({
    type: z.literal("answer"),
    /** Heading in the issue body whose section must hold an answer, e.g. "Hosting option". */
    heading: z.string().min(1),
  }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

const phaseSchema = z.strictObject({
  id: phaseId,
  name: z.string().min(1).max(60),
  /** Defaults to `phase: <name lower-cased>`. */
  label: z.string().min(1).max(50).optional(),
  description: z.string().default(""),
  activities: z.array(z.string().min(1)).default([]),
  entry: z.array(criterionSchema).default([]),
  /** Off the main path (e.g. Sunset): never shown as "next", entered only on purpose. */
  optional: z.boolean().default(false),
});
export type PhaseInput = z.input<typeof phaseSchema>;

const labelName = z.string().min(1).max(50);
const login = z.string().regex(/^[A-Za-z0-9-]+(\[bot\])?$/, "a GitHub login");
/** Field and option names as the board shows them; ids are looked up by name at run time. */
const projectName = z.string().min(1).max(100);

/** Sync with an organization's Projects v2 board; the feature is off when the section is absent. */
const roadmapSchema = z.strictObject({
  /** The board at `https://github.com/orgs/<org>/projects/<number>`. */
  project: z.strictObject({
    org: z.string().regex(/^[A-Za-z0-9-]+$/, "an organization login, e.g. `medic`"),
    number: z.number().int().positive(),
  }),
  /** The single-select field that holds the phase. */
  field: projectName.default("Status"),
  /**
   * Phase id → option of `field`; several phases may share one option, unmapped phases leave the
   * field alone. A key that is not a phase id is refused (a typo would silently unmap a phase);
   * a preset's keys follow the phases a repository replaces (`presetUnder`).
   */
  options: z.record(z.string(), projectName).default({}),
  /** Adding one of these labels puts a feature (back) on the board after someone removed it. */
  addOnLabels: z.array(labelName).default([]),
  /** Date fields kept in sync: `target` from `/target`, `start` from leaving the first phase. */
  dates: z
    .strictObject({ target: projectName.optional(), start: projectName.optional() })
    .prefault({}),
});
export type RoadmapConfig = z.output<typeof roadmapSchema>;

export const configSchema = z
  .strictObject({
    /** Which shipped preset the rest of this file is merged over. */
    preset: presetNameSchema.default("squad-journey"),
    /** Turns the whole bot off for this repository. */
    enabled: z.boolean().default(true),
    /** Plan and log, write nothing. */
    dryRun: z.boolean().default(false),
    recognize: z
      .strictObject({
        labels: z.array(labelName).default([]),
        /**
         * Labels that make a feature request only together with a template heading: a label that
         * also covers routine work (CHT's `Type: Improvement` holds dependency bumps).
         */
        labelsWithTemplate: z.array(labelName).default([]),
        /** An issue whose body contains one of these headings is a feature request. */
        templateHeadings: z.array(z.string().min(1)).default([]),
        /** Never a feature request, whatever its template: `Type: Bug`, `dependencies`. */
        excludeLabels: z.array(labelName).default([]),
      })
      .prefault({}),
    phases: z.array(phaseSchema).min(1),
    /** The roles (personas) people take with `/role`, and the phases each is involved in. */
    roles: z.array(roleSchema).default([]),
    /** For a journey that goes round again: where a cycle ends and where the next one starts. */
    cycle: cycleSchema.nullable().default(null),
    /** Other journeys in this repository, each chosen per issue by its label. */
    journeys: z.array(journeySchema).default([]),
    labels: z
      .strictObject({
        /** Colour (hex, no #) of phase labels the bot creates. */
        color: z
          .string()
          .regex(/^[0-9a-fA-F]{6}$/, "a hex colour without '#', e.g. `5319e7`")
          .default("5319e7"),
        /** Label kept in sync with `/blocked` and `/unblocked`; null for none. */
        blocked: labelName.nullable().default(null),
        /** Labels owned by other automation: the bot never adds or removes them. */
        protected: z.array(labelName).default([]),
      })
      .prefault({}),
    maintainers: z
      .strictObject({
        /** Lowest repository permission that counts as maintainer. */
        permission: z.enum(["triage", "write", "maintain", "admin"]).default("triage"),
        /** Teams whose members count as maintainers: `team-slug` (this org) or `org/team-slug`. */
        teams: z
          .array(z.string().regex(/^([A-Za-z0-9-]+\/)?[A-Za-z0-9_.-]+$/, "`team` or `org/team`"))
          .default([]),
      })
      .prefault({}),
    notifications: z
      .strictObject({
        /** Post one short comment mentioning lead, members and interested people on a transition. */
        transitions: z.boolean().default(true),
        /** At most this many people are mentioned in one notification. */
        maxMentions: z.number().int().min(0).max(100).default(25),
      })
      .prefault({}),
    card: z
      .strictObject({
        mermaid: z.boolean().default(true),
      })
      .prefault({}),
    /** People never mentioned (opt-outs kept in config). */
    neverMention: z.array(login).default([]),
    /** The roadmap board; `null` turns off a preset's board. */
    roadmap: roadmapSchema.nullable().default(null),
    /** What a new request is told: the template's unanswered questions, possibly related issues. */
    intake: intakeConfigSchema.optional(),
    /** Weekly squad and monthly community digests; off when absent. */
    digests: digestsConfigSchema.optional(),
    /** The server's repair sweep of lost webhooks; on by default, `null` turns it off. */
    sweep: sweepConfigSchema.nullable().prefault({}),
    /** Where `/squad propose` opens squad issues (a roadmap repository); off when absent. */
    squads: squadsConfigSchema.optional(),
    /** Welcomes, milestones, journey stages and early access; needs the contributor store. */
    community: communityConfigSchema.prefault({}),
    /** How a requested backlog adoption runs (the onboarding issue's second box, `squad-bot adopt`). */
    onboarding: onboardingConfigSchema.prefault({}),
    /** The community forum (Discourse); off when absent or without DISCOURSE_* credentials. */
    forum: forumConfigSchema.optional(),
    /** Slack channels; off when absent or without SLACK_BOT_TOKEN. */
    chat: chatConfigSchema.optional(),
    /** Nominations for governance roles (`/nominate`, `/sponsor`); off when absent. */
    governance: governanceConfigSchema.optional(),
    /** The community dashboard served under /dashboard; off when absent; needs the store. */
    dashboard: dashboardConfigSchema.optional(),
  })
  .superRefine((config, ctx) => {
    checkUniqueIds(config.phases, "phases", "phase", ctx);
    if (config.phases[0]?.optional) {
      ctx.addIssue({
        code: "custom",
        path: ["phases", 0, "optional"],
        message: "the first phase cannot be optional",
      });
    }
    checkLabels(config, ctx);
    checkPhaseReferences(config, ctx);
    checkJourney(config, ctx);
  });

/** Keys and values that name a phase must name one that exists, with the likely one suggested. */
function checkPhaseReferences(
  config: { phases: { id: string }[]; roadmap: { options: Record<string, string> } | null },
  ctx: z.RefinementCtx,
): void {
  const ids = config.phases.map((phase) => phase.id);
  for (const key of Object.keys(config.roadmap?.options ?? {})) {
    reportUnknownPhase(key, ids, ["roadmap", "options", key], ctx);
  }
}

/** Lower-cased, because GitHub treats `Squad: Done` and `squad: done` as the same label. */
const labelKey = (name: string): string => name.toLowerCase();

/**
 * Phase labels identify the phase, so two phases cannot share one (defaults included), and the
 * blocked and protected labels must stay out of the bot's phase labels.
 */
function checkLabels(
  config: {
    phases: { name: string; label?: string | undefined }[];
    labels: { blocked: string | null; protected: string[] };
  },
  ctx: z.RefinementCtx,
): void {
  const phaseLabels = new Map<string, number>();
  config.phases.forEach((phase, index) => {
    const field = phase.label === undefined ? "name" : "label";
    const label = phase.label ?? defaultPhaseLabel(phase.name);
    if (label.length > 50) {
      ctx.addIssue({
        code: "custom",
        path: ["phases", index, field],
        message: `the default label \`${label}\` is longer than GitHub's 50 characters; set a shorter \`label\``,
      });
    }
    const previous = phaseLabels.get(labelKey(label));
    if (previous !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["phases", index, field],
        message: `phase label \`${label}\` is already used by phases[${previous}]; give one of them another \`label\``,
      });
    } else {
      phaseLabels.set(labelKey(label), index);
    }
  });
  const { blocked } = config.labels;
  if (blocked !== null && phaseLabels.has(labelKey(blocked))) {
    ctx.addIssue({
      code: "custom",
      path: ["labels", "blocked"],
      message: `\`${blocked}\` is also a phase label; the blocked label must be a different one`,
    });
  }
  config.labels.protected.forEach((name, index) => {
    const clash = phaseLabels.has(labelKey(name))
      ? "a phase label"
      : blocked !== null && labelKey(name) === labelKey(blocked)
        ? "the blocked label"
        : null;
    if (clash) {
      ctx.addIssue({
        code: "custom",
        path: ["labels", "protected", index],
        message: `\`${name}\` is ${clash}, which squad-bot writes, so it cannot also be protected`,
      });
    }
  });
}

export type ConfigInput = z.input<typeof configSchema>;
type ParsedConfig = z.output<typeof configSchema>;

export interface Phase extends Omit<ParsedConfig["phases"][number], "label"> {
  label: string;
  /** Position in the configured list. */
  index: number;
}

/** Another journey of the repository, resolved from its preset (see `config/journeys.ts`). */
export interface Journey {
  /** The preset's name: what the card records and digests group by. */
  id: string;
  label: string;
  name: string;
  phases: Phase[];
  roles: ParsedConfig["roles"];
  cycle: ParsedConfig["cycle"];
  recognize: ParsedConfig["recognize"];
  /** Phase id → option of the repository's board field. */
  roadmapOptions: Record<string, string>;
}

/** The configuration the planners see: validated, with defaults filled in and labels resolved. */
export interface Config extends Omit<ParsedConfig, "phases" | "journeys"> {
  phases: Phase[];
  journeys: Journey[];
  /** Set on the config of an issue in another journey (`configForIssue`): that journey's id. */
  journey?: string;
}

function defaultPhaseLabel(name: string): string {
  return `phase: ${name.toLowerCase()}`;
}

function resolvePhases(phases: ParsedConfig["phases"]): Phase[] {
  return phases.map((phase, index) => ({
    ...phase,
    label: phase.label ?? defaultPhaseLabel(phase.name),
    index,
  }));
}

/**
 * Fills derived values; a pure step after validation. `journeyPreset` gives each journey's
 * preset, parsed: the caller reads the shipped files.
 */
export function resolveConfig(
  parsed: ParsedConfig,
  journeyPreset: (name: ParsedConfig["preset"]) => ParsedConfig = () => {
    throw new Error("journeys need their presets");
  },
): Config {
  return {
    ...parsed,
    phases: resolvePhases(parsed.phases),
    journeys: parsed.journeys.map((journey) => {
      const preset = journeyPreset(journey.preset);
      return {
        id: journey.preset,
        label: journey.label,
        name: journey.name ?? journey.label,
        phases: resolvePhases(preset.phases),
        roles: preset.roles,
        cycle: preset.cycle,
        recognize: preset.recognize,
        roadmapOptions: journey.roadmap?.options ?? preset.roadmap?.options ?? {},
      };
    }),
  };
}

export type { ParsedConfig };
