/**
 * User text made safe for Slack mrkdwn: Slack reads `<…>` as links and mentions (`<@U1>`,
 * `<!channel>`), so the three characters it asks apps to escape are escaped and nothing typed on
 * GitHub or the forum can ping a channel.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link whose label cannot break out of it. */
export function mrkdwnLink(url: string, label: string): string {
  return `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeMrkdwn(label).replace(/\|/g, "¦")}>`;
}
