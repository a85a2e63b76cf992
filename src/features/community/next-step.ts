/**
 * The next step for a person who reached a later stage of the community journey: one comment, on
 * the contribution that got them there, pointing at squads that seek members and at the
 * governance roles one can be nominated for. Pure: the caller claims it once in the store.
 */
import type { Action } from "../../actions/action.js";
import { escapeInline, personLink } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";

export interface NextStepInput {
  login: string;
  org: string;
  stage: string;
  /** Lines of squads seeking members, as the welcome shows them (already escaped). */
  squads: string[];
  /** Roles of the `governance` section; empty when the repository has none. */
  governanceRoles: string[];
  templates: Templates;
}

/** The once-key: one next step per person and stage, in the whole organization. */
export const nextStepMilestone = (stage: string) => `next-step:${stage}`;

export function planNextStep(input: NextStepInput): Action {
  const { templates } = input;
  const body = templates.render("next-step", {
    person: personLink(input.login),
    org: escapeInline(input.org),
    stage: templates.message(`community.stage.${input.stage}`),
    squads: input.squads.length > 0 ? input.squads : null,
    noSquads: input.squads.length === 0 ? templates.message("community.nextStep.noSquads") : null,
    quietHint: templates.message("community.quietHint"),
    roles:
      input.governanceRoles.length > 0
        ? input.governanceRoles.map((role) => `\`${escapeInline(role)}\``).join(", ")
        : null,
  });
  return { type: "comment", key: `next-step:${input.login.toLowerCase()}:${input.stage}`, body };
}
