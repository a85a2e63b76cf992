/**
 * The Porter2 ("Snowball English") stemmer, written from the algorithm's published description,
 * so that "sync", "synced" and "syncing" meet on one term when issues are compared.
 */

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
const LI_ENDINGS = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);

/** Words the rules would mangle; the description lists them with their stems. */
const EXCEPTIONS: Record<string, string> = {
  skis: "ski",
  skies: "sky",
  dying: "die",
  lying: "lie",
  tying: "tie",
  idly: "idl",
  gently: "gentl",
  ugly: "ugli",
  early: "earli",
  only: "onli",
  singly: "singl",
  sky: "sky",
  news: "news",
  howe: "howe",
  atlas: "atlas",
  cosmos: "cosmos",
  bias: "bias",
  andes: "andes",
};

/** Left alone once step 1a has run. */
const AFTER_1A = new Set([
  "inning",
  "outing",
  "canning",
  "herring",
  "earring",
  "proceed",
  "exceed",
  "succeed",
]);

/** R1 starts after these prefixes instead of after the first vowel–consonant pair. */
const R1_PREFIXES = ["gener", "commun", "arsen"];

const isVowel = (word: string, i: number): boolean => VOWELS.has(word[i] ?? "");

/** The position after the first non-vowel that follows a vowel, searching from `from`. */
function regionAfter(word: string, from: number): number {
  for (let i = from + 1; i < word.length; i++) {
    if (!isVowel(word, i) && isVowel(word, i - 1)) return i + 1;
  }
  return word.length;
}

function regions(word: string): { r1: number; r2: number } {
  const prefix = R1_PREFIXES.find((p) => word.startsWith(p));
  const r1 = prefix ? prefix.length : regionAfter(word, 0);
  return { r1, r2: regionAfter(word, r1) };
}

/** A short syllable ends at `end` (exclusive): (non-vowel) vowel non-vowel-but-not-wxY, or vowel non-vowel at the start. */
function shortSyllableAt(word: string, end: number): boolean {
  if (end === 2) return isVowel(word, 0) && !isVowel(word, 1);
  if (end < 3) return false;
  const last = word[end - 1] ?? "";
  return (
    !isVowel(word, end - 3) &&
    isVowel(word, end - 2) &&
    !isVowel(word, end - 1) &&
    !"wxY".includes(last)
  );
}

const isShort = (word: string): boolean =>
  shortSyllableAt(word, word.length) && regions(word).r1 >= word.length;

/** The longest of `suffixes` that `word` ends with. */
function longest(word: string, suffixes: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && (!best || suffix.length > best.length)) best = suffix;
  }
  return best;
}

const hasVowel = (text: string): boolean => [...text].some((c) => VOWELS.has(c));

function step0(word: string): string {
  const suffix = longest(word, ["'s'", "'s", "'"]);
  return suffix ? word.slice(0, -suffix.length) : word;
}

function step1a(word: string): string {
  const suffix = longest(word, ["sses", "ied", "ies", "s", "us", "ss"]);
  if (suffix === "sses") return `${word.slice(0, -4)}ss`;
  if (suffix === "ied" || suffix === "ies") {
    return word.length > 4 ? `${word.slice(0, -3)}i` : `${word.slice(0, -3)}ie`;
  }
  // "s" goes when a vowel comes before the letter right before it: gaps → gap, gas stays.
  if (suffix === "s" && hasVowel(word.slice(0, -2))) return word.slice(0, -1);
  return word;
}

function step1b(word: string, r1: number): string {
  const suffix = longest(word, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
  if (!suffix) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === "eed" || suffix === "eedly") {
    return stem.length >= r1 ? `${stem}ee` : word;
  }
  if (!hasVowel(stem)) return word;
  if (stem.endsWith("at") || stem.endsWith("bl") || stem.endsWith("iz")) return `${stem}e`;
  if (DOUBLES.some((double) => stem.endsWith(double))) return stem.slice(0, -1);
  return isShort(stem) ? `${stem}e` : stem;
}

function step1c(word: string): string {
  const last = word[word.length - 1];
  if ((last === "y" || last === "Y") && word.length > 2 && !isVowel(word, word.length - 2)) {
    return `${word.slice(0, -1)}i`;
  }
  return word;
}

const STEP2: Record<string, string> = {
  tional: "tion",
  enci: "ence",
  anci: "ance",
  abli: "able",
  entli: "ent",
  izer: "ize",
  ization: "ize",
  ational: "ate",
  ation: "ate",
  ator: "ate",
  alism: "al",
  aliti: "al",
  alli: "al",
  fulness: "ful",
  ousli: "ous",
  ousness: "ous",
  iveness: "ive",
  iviti: "ive",
  biliti: "ble",
  bli: "ble",
  ogi: "og",
  fulli: "ful",
  lessli: "less",
  li: "",
};

function step2(word: string, r1: number): string {
  const suffix = longest(word, Object.keys(STEP2));
  if (!suffix || word.length - suffix.length < r1) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === "ogi" && !stem.endsWith("l")) return word;
  if (suffix === "li" && !LI_ENDINGS.has(stem[stem.length - 1] ?? "")) return word;
  return stem + STEP2[suffix];
}

const STEP3: Record<string, string> = {
  tional: "tion",
  ational: "ate",
  alize: "al",
  icate: "ic",
  iciti: "ic",
  ical: "ic",
  ful: "",
  ness: "",
  ative: "",
};

function step3(word: string, r1: number, r2: number): string {
  const suffix = longest(word, Object.keys(STEP3));
  if (!suffix || word.length - suffix.length < r1) return word;
  if (suffix === "ative" && word.length - suffix.length < r2) return word;
  return word.slice(0, -suffix.length) + STEP3[suffix];
}

const STEP4 = [
  "al",
  "ance",
  "ence",
  "er",
  "ic",
  "able",
  "ible",
  "ant",
  "ement",
  "ment",
  "ent",
  "ism",
  "ate",
  "iti",
  "ous",
  "ive",
  "ize",
  "ion",
];

function step4(word: string, r2: number): string {
  const suffix = longest(word, STEP4);
  if (!suffix || word.length - suffix.length < r2) return word;
  const stem = word.slice(0, -suffix.length);
  if (suffix === "ion" && !stem.endsWith("s") && !stem.endsWith("t")) return word;
  return stem;
}

function step5(word: string, r1: number, r2: number): string {
  const last = word.length - 1;
  if (word[last] === "e") {
    if (last >= r2 || (last >= r1 && !shortSyllableAt(word, last))) return word.slice(0, -1);
    return word;
  }
  if (word[last] === "l" && last >= r2 && word[last - 1] === "l") return word.slice(0, -1);
  return word;
}

/** The stem of one lower-case word; words of one or two letters are their own stem. */
export function stem(input: string): string {
  if (input.length <= 2) return input;
  const exception = EXCEPTIONS[input];
  if (exception) return exception;
  let word = input.startsWith("'") ? input.slice(1) : input;
  // A y that acts as a consonant becomes Y so that it is not taken for a vowel.
  word = word.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
  const { r1, r2 } = regions(word);
  word = step1a(step0(word));
  if (AFTER_1A.has(word)) return word;
  word = step1c(step1b(word, r1));
  word = step5(step4(step3(step2(word, r1), r1, r2), r2), r1, r2);
  return word.replace(/Y/g, "y");
}
