/**
 * Finds the BBCode tags a Discourse post wraps text in: `[quote]`, `[quote=PARAM]`, `[/quote]` and
 * the same for `details`, in any case. One left-to-right pass: every character is looked at a
 * bounded number of times, so an unclosed `[quote=` repeated 30,000 times costs what any 210 kB
 * paste does (the regular expressions this replaces tried each `[quote=` against the rest of
 * the text).
 */

export type TagKind = 'quote' | 'details';

export interface Tag {
  kind: TagKind;
  closing: boolean;
  /** What follows `=` in an opening tag, as written (quotes included); absent for `[quote]`. */
  param?: string;
  /** Offsets into the text (UTF-16 code units): the tag is `text.slice(start, end)`. */
  start: number;
  end: number;
}

const KINDS: readonly TagKind[] = ['quote', 'details'];

/** The tags of `text` in order. A `[quote=` whose parameter meets a newline before `]` is text. */
export function findTags(text: string): Tag[] {
  const tags: Tag[] = [];
  // Where the next "]" and the next newline are, each found once for a stretch of text:
  // a parameter runs to the first of them, and a later "[quote=" before it reuses the answer.
  let bracketAt = -1;
  let newlineAt = -1;
  const nextStop = (from: number): number => {
    if (bracketAt < from) bracketAt = indexOrEnd(text, ']', from);
    if (newlineAt < from) newlineAt = indexOrEnd(text, '\n', from);
    return Math.min(bracketAt, newlineAt);
  };

  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) {
    const closing = text[i + 1] === '/';
    const nameAt = closing ? i + 2 : i + 1;
    const kind = KINDS.find((k) => text.slice(nameAt, nameAt + k.length).toLowerCase() === k);
    if (kind === undefined) continue;
    const after = nameAt + kind.length;
    if (text[after] === ']') {
      tags.push({ kind, closing, start: i, end: after + 1 });
      i = after;
    } else if (!closing && text[after] === '=') {
      const stop = nextStop(after + 1);
      if (text[stop] !== ']') continue;
      tags.push({ kind, closing, param: text.slice(after + 1, stop), start: i, end: stop + 1 });
      i = stop;
    }
  }
  return tags;
}

function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}
