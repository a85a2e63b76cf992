/**
 * Which issues a GitHub release's notes reference, so features in Testing can move to Release.
 * `#123` may be a pull request: GitHub's text cannot tell, so the caller checks what it loads.
 */
import type { IssueRef, RepoRef } from "../../github/types.js";

const NAME = "[A-Za-z0-9-]+";
const REPO = "[A-Za-z0-9_.-]+";
const URL_REF = new RegExp(
  `https?://github\\.com/(${NAME})/(${REPO})/(issues|pull)/(\\d+)(?![\\d/])`,
  "g",
);
const CROSS_REF = new RegExp(`(?<![\\w/.-])(${NAME})/(${REPO})#(\\d+)\\b`, "g");
// Not after `&` (`&#123;` is an HTML entity), a word character or a slash (part of a path).
const LOCAL_REF = /(?<![\w&/#])(?:#|GH-)(\d+)\b/g;

/** Code is not a reference: GitHub does not link inside it either. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(\s*)(```|~~~)[\s\S]*?^\s*\2.*$/gm, " ").replace(/(`+)[^`]*?\1/g, " ");
}

/** Every issue reference once, in order of first appearance; `/pull/` URLs are left out. */
export function featureRefsInRelease(releaseBody: string | null, repo: RepoRef): IssueRef[] {
  let text = withoutCode(releaseBody ?? "");
  const found: { at: number; ref: IssueRef }[] = [];
  const take = (pattern: RegExp, toRef: (m: RegExpExecArray) => IssueRef | null) => {
    for (const match of text.matchAll(pattern)) {
      const ref = toRef(match);
      if (ref) found.push({ at: match.index, ref });
    }
    // Blank matches out (keeping offsets) so `owner/repo#1` in a URL is not read twice.
    text = text.replace(pattern, (m) => " ".repeat(m.length));
  };
  take(URL_REF, ([, owner = "", name = "", kind, number = ""]) =>
    kind === "issues" ? { owner, repo: name, number: Number(number) } : null,
  );
  take(CROSS_REF, ([, owner = "", name = "", number = ""]) => ({
    owner,
    repo: name,
    number: Number(number),
  }));
  take(LOCAL_REF, ([, number = ""]) => ({ ...repo, number: Number(number) }));
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.ref)
    .filter((ref) => {
      const key = `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase();
      if (seen.has(key) || ref.number <= 0) return false;
      seen.add(key);
      return true;
    });
}
