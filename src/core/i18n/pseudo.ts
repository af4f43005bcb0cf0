/**
 * The pseudo-locale of the check that every visible word comes from the catalogues: a message's
 * own words are accented and their vowels doubled (about 40 % longer, as German or Turkish often
 * are), and the whole message is wrapped in ⟦ ⟧. Text on screen outside the brackets was not
 * written through the accessor; a bracket missing its partner was cut off.
 */
const ACCENTED: Readonly<Record<string, string>> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
const VOWELS = new Set('aeiouAEIOU');

/** A message's literal words in the pseudo-locale (placeholders are left to `substitute`). */
export function pseudoWords(text: string): string {
  let out = '';
  for (const c of text) out += VOWELS.has(c) ? (ACCENTED[c] as string).repeat(2) : (ACCENTED[c] ?? c);
  return out;
}

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
