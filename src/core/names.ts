/**
 * How names compare (labels, logins, repositories, headings): GitHub treats them
 * case-insensitively, and people type stray spaces around them in config and commands.
 */
export function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
