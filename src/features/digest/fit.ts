/**
 * Keeps a digest inside one GitHub body by leaving out whole sections from the end, with a line
 * saying how many, instead of cutting the text anywhere (a cut inside a Mermaid block breaks the
 * chart and the rest of the page).
 */

/** GitHub refuses issue and comment bodies over 65,536 characters; the marker and notes need room. */
export const DIGEST_MAX_CHARS = 60_000;

/**
 * The longest rendering that fits: `render` gets the sections kept (a prefix of `sections`) and
 * how many were left out. Sections come in order of importance, so the last ones go first. A
 * rendering that does not fit even without sections is returned as it is: the lists are bounded,
 * so only a mis-edited template gets there, and the post then fails loudly instead of cutting.
 */
export function fitSections<S>(
  sections: readonly S[],
  render: (kept: readonly S[], leftOut: number) => string,
  max = DIGEST_MAX_CHARS,
): string {
  let kept = sections.length;
  let text = render(sections, 0);
  while (text.length > max && kept > 0) {
    kept -= 1;
    text = render(sections.slice(0, kept), sections.length - kept);
  }
  return text;
}
