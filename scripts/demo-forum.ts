/**
 * The forum side of the demo (`npm run demo`): a topic in Feature requests becomes a request on
 * GitHub, and the week's digest becomes a forum topic and a Slack message, all against the
 * in-memory forum and Slack. Marked hooks stand where the forum squad work (card link, interest,
 * kick-off) and the release announcement join in.
 */

import { executeBridge } from "../src/actions/bridge-executor.js";
import type { Templates } from "../src/core/templates.js";
import { deliverDigestToBridge } from "../src/features/digest/bridge-delivery.js";
import type { Period } from "../src/features/digest/period.js";
import {
  planReleaseAnnouncement,
  type ReleasedFeature,
} from "../src/features/digest/release-announcement.js";
import type { RenderedDigest } from "../src/features/digest/weekly.js";
import { runForumIntake } from "../src/features/forum-intake/run.js";
import { forumConfigSchema } from "../src/forum/config.js";
import type { RepoRef } from "../src/github/types.js";
import { MemoryChat } from "../test/chat/memory-chat.js";
import type { MemoryGitHub } from "../test/double/memory-github.js";
import { MemorySimilarSearch } from "../test/double/search.js";
import { MemoryForum } from "../test/forum/memory-forum.js";

const FORUM_URL = "https://forum.communityhealthtoolkit.org";
const BOT = "squad-bot";

const hidden = (text: string) =>
  text.replace(/<!-- squad-bot:([\w-]+) .*? -->/g, "<!-- squad-bot:$1 … -->");

export interface ForumStory {
  github: MemoryGitHub;
  repo: RepoRef;
  templates: Templates;
}

/** The forum and Slack the demo talks to, with CHT's categories. */
export function forumWorld() {
  const forum = new MemoryForum({ apiUsername: BOT });
  const categories = {
    squads: forum.addCategory("squads", "Squads").id,
    featureRequests: forum.addCategory("feature-requests", "Feature requests").id,
    announcements: forum.addCategory("release-announcements", "Release announcements").id,
    digests: forum.addCategory("digests", "Digests").id,
  };
  const chat = new MemoryChat();
  const channel = chat.addChannel("#community");
  return { forum, chat, channel, categories };
}

/** A forum member asks for a feature; with `intake: issue` it becomes a request on GitHub. */
export async function forumIntakeStep(story: ForumStory, world: ReturnType<typeof forumWorld>) {
  const { forum, categories } = world;
  const topicId = forum.addTopic({
    title: "Let CHWs see when their data last synced",
    raw: "Our CHWs in Siaya re-enter forms because they cannot tell what reached the server.\n\n@everyone please +1 <b>urgent</b>",
    author: "amara_k",
    categoryId: categories.featureRequests,
  });
  const config = forumConfigSchema.parse({
    url: FORUM_URL,
    categories: { squads: "squads", featureRequests: "feature-requests", digests: "digests" },
    intake: "issue",
  });
  const before = forum.requests.length;
  const outcome = await runForumIntake(
    {
      forum,
      github: story.github,
      search: new MemorySimilarSearch(story.github),
      repo: story.repo,
      config,
      botUsername: BOT,
      templates: story.templates,
      dryRun: false,
      log: { debug() {}, info() {}, warn() {}, error() {} },
    },
    { topicId, categoryId: categories.featureRequests },
  );
  story.github.drainAppEvents();
  console.log(`\n=== The forum: a topic in Feature requests (forum intake: issue) ===`);
  console.log(`• amara_k opens topic #${topicId} "Let CHWs see when their data last synced"`);
  console.log(
    `    Discourse requests: ${forum.requests
      .slice(before)
      .map((r) => r.method)
      .join(", ")}`,
  );
  if (outcome.status === "done" && outcome.issueNumber !== null) {
    const issue = story.github.issue({ ...story.repo, number: outcome.issueNumber });
    console.log(`\n--- the request on GitHub: #${issue?.number} "${issue?.title}" ---`);
    console.log(hidden(issue?.body ?? ""));
  }
  for (const post of forum.postsOf(topicId).filter((p) => p.username === BOT)) {
    console.log(`\n--- the bot's one reply in the topic ---\n${hidden(post.raw)}`);
  }
  return topicId;
}

/**
 * HOOK (forumsquad, issue 12 items 1, 3, 4): the card's topic link, the bot post in the topic,
 * interest from the forum and the kick-off post join the story here.
 */
export function forumSquadHook(topicId: number): void {
  console.log(
    `\n• (forum squad steps for topic #${topicId}: card link, forum interest, kick-off post — joined by the lead)`,
  );
}

/** The week's release announcement in Release announcements: one topic, thanks to everyone. */
export async function releaseAnnouncementStep(
  world: ReturnType<typeof forumWorld>,
  week: Period,
  features: ReleasedFeature[],
  templates: Templates,
) {
  const { forum, categories } = world;
  const actions = planReleaseAnnouncement({
    org: "medic",
    week,
    features,
    categoryId: categories.announcements,
    existing: null,
    templates,
  });
  const result = await executeBridge({ forum }, actions, { dryRun: false });
  const made = result.outcomes[0];
  const topicId = made?.status === "written" ? made.post?.topicId : undefined;
  const topic = forum.topic(topicId ?? 0);
  console.log(`\n=== The release announcement: forum topic #${topic?.id} "${topic?.title}" ===`);
  console.log(hidden(forum.postsOf(topicId ?? 0)[0]?.raw ?? ""));
}

/** The week's digest as a forum topic and a Slack message, then again: edited, not doubled. */
export async function digestOnForumStep(
  world: ReturnType<typeof forumWorld>,
  digest: { period: Period; rendered: RenderedDigest; githubUrl: string | null },
) {
  const { forum, chat, channel, categories } = world;
  const kept = new Map();
  const input = {
    org: "medic",
    ...digest,
    forum: { port: forum, categoryId: categories.digests, botUsername: BOT, baseUrl: FORUM_URL },
    chat: {
      port: chat,
      channel,
      memory: {
        get: async (key: string) => kept.get(key) ?? null,
        set: async (key: string, at: unknown, message: unknown) =>
          void kept.set(key, { at, message }),
      },
    },
    dryRun: false,
  };
  const first = await deliverDigestToBridge(input);
  const again = await deliverDigestToBridge(input);
  const topic = forum.topic(first.topicId ?? 0);
  console.log(`\n=== The digest on the forum and in Slack ===`);
  console.log(`• forum topic #${topic?.id} "${topic?.title}" (external_id ${topic?.externalId})`);
  console.log(
    `    first run: ${[...(first.forum?.writes ?? []), ...(first.chat?.writes ?? [])].join("; ")}`,
  );
  console.log(
    `    re-run: ${[...(again.forum?.writes ?? []), ...(again.chat?.writes ?? [])].join("; ") || "nothing to write"}`,
  );
  const message = chat.messagesIn(channel)[0];
  console.log(
    `• Slack ${channel}: 1 message, "${message?.text}" (${message?.blocks?.length ?? 0} blocks)`,
  );
}
