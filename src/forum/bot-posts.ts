/**
 * The bot's own posts in a topic, read with their text: where its hidden markers say what it
 * already posted. Only posts by the bot's forum account count, so a pasted marker changes nothing.
 */
import { sameName } from "../core/names.js";
import type { ForumPort, ForumPost, ForumTopic } from "./port.js";

/**
 * One request per post of the bot's among the posts the topic came with (its first page, 20
 * posts); a bot post further down a longer topic is not seen.
 */
export async function loadBotPosts(
  forum: ForumPort,
  topic: ForumTopic,
  botUsername: string,
): Promise<ForumPost[]> {
  const posts: ForumPost[] = [];
  for (const summary of topic.posts) {
    if (!sameName(summary.username, botUsername)) continue;
    const post = await forum.getPost(summary.id);
    if (post && !post.deleted) posts.push(post);
  }
  return posts;
}
