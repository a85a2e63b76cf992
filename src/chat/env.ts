/** Slack's bot token, from the environment only (SLACK_BOT_TOKEN). */
export type ChatEnvResult = { ok: true; token: string; botToken: boolean } | { ok: false };

export function chatEnv(env: NodeJS.ProcessEnv): ChatEnvResult {
  const token = env.SLACK_BOT_TOKEN?.trim() ?? "";
  if (token === "") return { ok: false };
  return { ok: true, token, botToken: token.startsWith("xoxb-") };
}
