/**
 * The forum's release announcement: the features that reached Release in a week, each with
 * thanks to everyone involved (lead, members, reviewers), as one topic per week in the release
 * announcements category, edited in place as more arrive that week (one post, not one per
 * feature: quiet). People are GitHub logins, linked to their profiles: an `@login` on the forum
 * would notify whoever holds that forum name.
 */
import type { ForumAction } from "../../actions/bridge-action.js";
import { escapeInline, personLink, safeUrl } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { ForumPost } from "../../forum/port.js";
import type { Period } from "./period.js";

export interface ReleasedFeature {
  title: string;
  url: string;
  lead: string | null;
  members: string[];
  reviewers: string[];
}

/** `squad-bot:<org>:releases:<week>`: one topic per week's releases. */
export const announcementExternalId = (org: string, week: Period) =>
  `squad-bot:${org.toLowerCase()}:releases:${week.label}`;

const people = (logins: string[]) =>
  [...new Set(logins.map((login) => login.toLowerCase()))]
    .sort()
    .map((login) => personLink(login))
    .join(", ");

function renderReleaseAnnouncement(
  week: Period,
  features: readonly ReleasedFeature[],
  templates: Templates,
): { title: string; raw: string } {
  const sorted = [...features].sort((a, b) => a.title.localeCompare(b.title));
  return {
    title: templates.message("forum.release.title", { week: week.label }),
    raw: templates.render("forum-release-announcement", {
      week: week.label,
      features: sorted.map((feature) => {
        const everyone = [
          ...(feature.lead ? [feature.lead] : []),
          ...feature.members,
          ...feature.reviewers,
        ];
        return {
          title: escapeInline(feature.title),
          url: safeUrl(feature.url) ?? "",
          hasPeople: everyone.length > 0,
          people: people(everyone),
        };
      }),
    }),
  };
}

/**
 * Nothing to announce plans nothing; otherwise the week's topic is created (`existing` null) or
 * its first post, the bot's, rewritten (the executor skips an unchanged text).
 */
export function planReleaseAnnouncement(input: {
  org: string;
  week: Period;
  features: readonly ReleasedFeature[];
  categoryId: number;
  existing: ForumPost | null | undefined;
  templates: Templates;
}): ForumAction[] {
  if (input.features.length === 0) return [];
  const { title, raw } = renderReleaseAnnouncement(input.week, input.features, input.templates);
  if (input.existing) return [{ type: "editPost", post: input.existing, raw }];
  // `undefined`: the topic exists but its first post is not the bot's: leave it alone.
  if (input.existing === undefined) return [];
  const externalId = announcementExternalId(input.org, input.week);
  return [{ type: "createTopic", topic: { title, raw, categoryId: input.categoryId, externalId } }];
}
