/**
 * Shortening user text for a title, a preview, an excerpt or a message, without ever cutting inside
 * a character as a reader sees it (a grapheme cluster): an emoji sequence (👩‍💻, 🇯🇵, 👍🏽), a letter
 * with its accents, a Hangul syllable. A cut between UTF-16 units or code points can leave half a
 * surrogate pair or a dangling zero-width joiner; every cut here is moved back to a cluster boundary
 * found by `Intl.Segmenter`.
 *
 * Budgets count code points, as the exports count characters. Cost is linear in the part kept:
 * V8's segmenter copies the whole string it is given (a `containing` call on 1 MB takes ~9 ms), so
 * it only ever sees a short head of the text.
 */

export const ELLIPSIS = '…';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const SPACE = /\s/u;

/**
 * The nearest grapheme cluster boundary to UTF-16 offset `index` of `text`: `index` itself when it
 * is one, else the start (`'back'`) or the end (`'forward'`) of the cluster it falls inside. For
 * cuts at offsets found some other way (a search match, a word break).
 */
export function graphemeBoundary(text: string, index: number, toward: 'back' | 'forward'): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  // Between two ASCII characters there is always a boundary but inside CR LF: no segmenter needed.
  const before = text.charCodeAt(index - 1);
  const at = text.charCodeAt(index);
  if (before < 0x80 && at < 0x80 && !(before === 0x0d && at === 0x0a)) return index;
  // Whether a boundary falls at `index` depends on the text before it and the code point at it; the
  // end of a cluster, on what follows: the head grows until the cluster ends inside it.
  let headEnd = wholeCodePoints(text, index + 1);
  for (;;) {
    const head = text.slice(0, headEnd);
    const cluster = graphemes.segment(head).containing(index);
    if (!cluster || cluster.index === index) return index;
    if (toward === 'back') return cluster.index;
    const end = cluster.index + cluster.segment.length;
    if (end < head.length || headEnd >= text.length) return end;
    headEnd = wholeCodePoints(text, Math.min(text.length, headEnd * 2));
  }
}

/** `end`, or one unit further when it falls between the two halves of a surrogate pair. */
function wholeCodePoints(text: string, end: number): number {
  const low = text.charCodeAt(end);
  const high = text.charCodeAt(end - 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? end + 1 : end;
}

/** UTF-16 offset after the first `count` code points of `text`, or null when it has no more than that. */
function afterCodePoints(text: string, count: number): number | null {
  let offset = 0;
  let seen = 0;
  for (const char of text) {
    if (seen === count) return offset;
    offset += char.length;
    seen++;
  }
  return null;
}

/**
 * `text` as it is when it has at most `max` code points; else cut at the last grapheme cluster
 * boundary within `max - 1` code points, trailing spaces dropped, and "…" added (so at most `max`
 * code points in all). `max` below 1 counts as 1. A single cluster longer than the budget (a letter
 * under dozens of marks) leaves "…" alone.
 *
 * With `atWord`, a cut inside a word moves back to the space before it, unless that would keep less
 * than half of `max` (a long word, or a script written without spaces).
 */
export function shorten(text: string, max: number, { atWord = false }: { atWord?: boolean } = {}): string {
  const limit = Math.max(1, Math.floor(max) || 1);
  if (afterCodePoints(text, limit) === null) return text;
  const budget = afterCodePoints(text, limit - 1) ?? 0;
  let cut = graphemeBoundary(text, budget, 'back');
  // The last kept word is whole when a space follows the cut.
  if (atWord && !SPACE.test(text.charAt(cut))) {
    const space = text.slice(0, cut).search(/\s\S*$/u);
    if (space >= 0 && Array.from(text.slice(0, space)).length >= limit / 2) cut = graphemeBoundary(text, space, 'back');
  }
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

/**
 * `text` as it is when it has at most `max` code points; else its END: "…" and the last `max - 1`
 * code points, the cut moved forward to a grapheme cluster boundary, leading spaces dropped. For
 * text whose last words matter most (a quote: the words just before a note). `max` below 1
 * counts as 1. Linear in the length of `text`.
 */
export function shortenStart(text: string, max: number): string {
  const limit = Math.max(1, Math.floor(max) || 1);
  // Code points counted from the end: the offset where the last `limit - 1` begin.
  let offset = text.length;
  let kept = 0;
  while (offset > 0 && kept < limit) {
    const low = text.charCodeAt(offset - 1);
    offset -= low >= 0xdc00 && low <= 0xdfff && offset >= 2 && isHighSurrogate(text.charCodeAt(offset - 2)) ? 2 : 1;
    kept++;
  }
  if (offset === 0 && kept <= limit) return text;
  // One fewer than `limit`, to leave room for the ellipsis: step back over the first one counted.
  const first = text.codePointAt(offset)!;
  const start = graphemeBoundary(text, offset + (first > 0xffff ? 2 : 1), 'forward');
  return `${ELLIPSIS}${text.slice(start).trimStart()}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
