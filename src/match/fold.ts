// Text folding shared by every normalizer: one canonical lower-case ASCII form so that Norwegian,
// Swedish/German and plain-ASCII spellings of the same word compare equal.

const LETTER_MAP: Record<string, string> = {
  æ: 'ae',
  ø: 'o',
  å: 'a',
  ä: 'ae',
  ö: 'o',
  ü: 'u',
  ß: 'ss',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  đ: 'd',
  œ: 'oe',
};

const COMBINING_MARKS = /[\u0300-\u036f]/g;

const MAPPED_LETTERS = new RegExp(`[${Object.keys(LETTER_MAP).join('')}]`, 'g');
const NON_ASCII = /[^\x00-\x7f]/;

/** NFKC, lower case, Nordic and accented letters folded to ASCII; punctuation kept. */
export function foldLetters(input: string): string {
  // Most fields are plain ASCII, which every step below leaves as it is, apart from the case.
  if (!NON_ASCII.test(input)) return input.toLowerCase();
  const lower = input.normalize('NFKC').toLowerCase();
  return lower
    .replace(MAPPED_LETTERS, (ch) => LETTER_MAP[ch] ?? ch)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '');
}

/**
 * Collapses the ASCII transcriptions of å and ø ("aa", "oe") onto the single letter, so that
 * "Oestensjoeveien", "Østensjøveien" and "Ostensjoveien" share one form.
 */
export function foldDigraphs(token: string): string {
  return token.replace(/aa/g, 'a').replace(/oe/g, 'o');
}

/** Folded words: letters and digits only, split on anything else. Hyphens split too. */
export function toFoldedTokens(input: string): string[] {
  return foldLetters(input)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((t) => t.length > 0)
    .map(foldDigraphs);
}

/** Folded, whitespace-collapsed text for free-text fields such as city names. */
export function toFoldedText(input: string): string {
  return toFoldedTokens(input).join(' ');
}
