/**
 * What the start-up log says, once, about the forum and chat bridges: on (and where), or off
 * and which variable turns it on. Pure: the environment in, log lines out.
 */
import { chatEnv } from "../chat/env.js";
import { FORUM_ENV, forumEnv } from "../forum/env.js";
import { FORUM_WEBHOOK_PATH } from "../forum/webhook.js";

export interface StartupLine {
  level: "info" | "warn";
  text: string;
}

const list = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

function forumLines(env: NodeJS.ProcessEnv): StartupLine[] {
  const result = forumEnv(env);
  if (!result.ok) {
    if (result.badUrl)
      return [{ level: "warn", text: "forum bridge off: DISCOURSE_URL is not an http(s) address" }];
    const all = result.missing.length === FORUM_ENV.length;
    return [
      {
        level: all ? "info" : "warn",
        text: all
          ? `forum bridge off: set ${list(FORUM_ENV)} to turn it on (README: Forum and chat)`
          : `forum bridge off: ${list(result.missing)} ${result.missing.length === 1 ? "is" : "are"} not set`,
      },
    ];
  }
  const { url, credentials, webhookSecret } = result.forum;
  const on = `forum bridge on: ${url} as ${credentials.apiUsername}`;
  return webhookSecret === null
    ? [
        {
          level: "warn",
          text: `${on}; DISCOURSE_WEBHOOK_SECRET is not set, so ${FORUM_WEBHOOK_PATH} refuses every delivery`,
        },
      ]
    : [{ level: "info", text: `${on}; webhooks at ${FORUM_WEBHOOK_PATH}` }];
}

function chatLines(env: NodeJS.ProcessEnv): StartupLine[] {
  const result = chatEnv(env);
  if (!result.ok)
    return [
      {
        level: "info",
        text: "chat bridge off: set SLACK_BOT_TOKEN to turn it on (README: Forum and chat)",
      },
    ];
  return result.botToken
    ? [{ level: "info", text: "chat bridge on: Slack" }]
    : [
        {
          level: "warn",
          text: "chat bridge on: Slack, but SLACK_BOT_TOKEN is not a bot token (xoxb-…)",
        },
      ];
}

export function bridgeStartupLines(env: NodeJS.ProcessEnv): StartupLine[] {
  return [...forumLines(env), ...chatLines(env)];
}
