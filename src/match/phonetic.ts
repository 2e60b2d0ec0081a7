// A phonetic key for Norwegian (and Scandinavian-spelled) names. Soundex/Cologne-style: spelling
// variants that sound alike ("Kristiansen"/"Christiansen", "Nilsen"/"Nielsen"/"Nilssen",
// "Thomas"/"Tomas") map to one key, while the first letter and consonant skeleton keep keys
// selective enough for blocking. Input may be raw text; it is folded first.
import { foldLetters } from './fold.js';

// Order matters: longer clusters before their prefixes.
const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/sch|skj|sj|sh/g, 'X'], // Norwegian "sj" sound; upper-case codes are left alone by later rules
  [/kj|tj/g, 'C'], // Norwegian "kj" sound
  [/ch/g, 'k'], // Christian → Kristian, Erichsen → Eriksen
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/ck/g, 'k'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/q/g, 'k'],
  [/z/g, 's'],
  [/w/g, 'v'],
  [/^hj|^gj/g, 'j'], // silent h/g: Hjalmar, Gjertrud
  [/^hv/g, 'v'],
  [/dt$/g, 't'],
];

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** The phonetic key of one word (letters only; digits and punctuation are dropped). */
export function toPhoneticKey(word: string): string {
  let s = foldLetters(word).replace(/[^a-z]/g, '');
  if (s.length === 0) return '';
  // The input's x is a consonant pair, not the sj sound.
  s = s.replace(/x/g, 'ks');
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  const first = s[0] ?? '';
  let key = first;
  let previousClass = classOf(first);
  for (let i = 1; i < s.length; i++) {
    const ch = s[i] ?? '';
    const isVowel = VOWELS.has(ch);
    if (ch === 'h') {
      // h is only heard between vowels (Johan); elsewhere it is silent (John = Jon).
      const next = s[i + 1] ?? '';
      if (!(VOWELS.has(s[i - 1] ?? '') && VOWELS.has(next))) continue;
    }
    const cls = isVowel ? 'a' : ch;
    if (cls === previousClass) continue; // double letters and vowel runs count once
    key += cls;
    previousClass = cls;
  }
  return key;
}

function classOf(ch: string): string {
  return VOWELS.has(ch) ? 'a' : ch;
}
