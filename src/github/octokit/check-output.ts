/** Fits check-run text into GitHub's output limits. */

/** Documented as 65535 characters, but GitHub enforces bytes (github/docs#35252). */
const OUTPUT_LIMIT_BYTES = 65_535;

const TRUNCATED = "\n\n… (truncated)";

/** Cuts at a UTF-8 character boundary, so a truncated emoji never becomes invalid text. */
export function fitOutput(text: string, limit = OUTPUT_LIMIT_BYTES): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= limit) return text;
  let cut = limit - Buffer.byteLength(TRUNCATED, "utf8");
  // 0b10xxxxxx marks a continuation byte: stepping back off them lands on a character start.
  while (cut > 0 && ((bytes[cut] ?? 0) & 0xc0) === 0x80) cut--;
  return bytes.subarray(0, cut).toString("utf8") + TRUNCATED;
}
