/**
 * Strips the decoration of an earlier summary or forum post: BBCode [quote]/[details] wrappers,
 * "> " quote markers, bullets, headings, rules and bold markers (double asterisks or underscores).
 */
import { findTags, type Tag, type TagKind } from './bbcode-tags';
import { hasQuestionMark, readAnswerMark, readQuestionMark } from './markers';
import { outlinePlaceholders } from '../export/outline';

export interface CleanLine {
  text: string;
  /** Indented in the paste: a nested list item, never a new numbered question. */
  indented: boolean;
}

const unquote = (s: string | undefined) => (s ?? '').trim().replace(/^["']|["']$/g, '').trim();

// A "Q:" holds a q and an "A:" an a, whatever decoration is around them: most lines are ruled
// out without cleaning them.
const hasMarkers = (body: string) =>
  body.split('\n').some((l) => {
    if (!/[qa]/i.test(l)) return false;
    const text = cleanLine(l).text;
    return readQuestionMark(text) !== null || readAnswerMark(text) !== null;
  });

/**
 * A wrapper still open while the text is read. Its body is `pieces[at + 1 …]`; `pieces[at]` is
 * kept free for what goes before the body once the wrapper closes.
 */
interface Open {
  tag: Tag;
  at: number;
  // Noted as the body is read, so a wrapper never reads its body again to know them:
  /** The body holds a "?". */
  asks: boolean;
  /** A line of the body starts with a Q: or A: marker. */
  marked: boolean;
}

/** What a closed wrapper becomes: text before and after its body, or text in place of it all. */
interface Unwrapped {
  before: string;
  after: string;
  /** Replaces the whole body (it had to be read as a whole: a quoted question, an answer). */
  whole?: string;
}

/**
 * A Discourse reply quoting a question: the quote is the question (asked by the quoted user) and
 * the reply after it the answer. A quote holding its own Q:/A: is just unwrapped.
 */
function unwrapQuote(open: Open, body: () => string): Unwrapped {
  if (!open.asks || open.marked) return { before: '\n', after: '\n' };
  const question = body().split('\n').map((l) => cleanLine(l).text).filter(Boolean).join(' ');
  const user = unquote(open.tag.param).split(',')[0]?.trim() ?? '';
  const by = user && !/asked by/i.test(question) ? ` (asked by ${user})` : '';
  return { before: '', after: '', whole: `\n\nQ: ${question}${by}\n\n` };
}

/** A collapsible section titled with a question is a Q&A; any other title is decoration. */
function unwrapDetails(open: Open, body: () => string): Unwrapped {
  const title = unquote(open.tag.param);
  if (!/[?？؟]$/.test(title)) return { before: '\n', after: '\n' };
  if (open.marked) return { before: `\n\nQ: ${title}\n`, after: '\n\n' };
  return { before: '', after: '', whole: `\n\nQ: ${title}\nA: ${body().trim()}\n\n` };
}

/**
 * Replaces [quote]/[details] wrappers by what they mean, innermost first, and any tag left
 * unpaired by a line break. A closing tag closes the nearest open wrapper of its kind; one still
 * open inside it is unpaired. Linear in the text: each piece of it is read once when met and at
 * most once more, when the wrapper around it must be read whole (which then holds a "Q:" line,
 * so no wrapper around that one is read whole again).
 */
export function unwrapBbcode(text: string): string {
  const pieces: string[] = [];
  const stack: Open[] = [];
  const openCount: Record<TagKind, number> = { quote: 0, details: 0 };

  // Text read into the innermost open wrapper's body, its "?" and markers noted once.
  const read = (piece: string) => {
    pieces.push(piece);
    const open = stack[stack.length - 1];
    if (!open || piece === '') return;
    open.asks ||= hasQuestionMark(piece);
    open.marked ||= hasMarkers(piece);
  };
  // The wrapper on top goes: unpaired, or closed into `before` body `after`.
  const pop = (unwrapped: Unwrapped) => {
    const open = stack.pop() as Open;
    openCount[open.tag.kind]--;
    if (unwrapped.whole === undefined) {
      pieces[open.at] = unwrapped.before;
      pieces.push(unwrapped.after);
    } else {
      pieces.length = open.at;
      pieces.push(unwrapped.whole);
    }
    const outer = stack[stack.length - 1];
    if (!outer) return;
    outer.asks ||= unwrapped.whole === undefined ? open.asks || hasQuestionMark(unwrapped.before) : hasQuestionMark(unwrapped.whole);
    outer.marked ||= unwrapped.whole === undefined ? open.marked || hasMarkers(unwrapped.before) : hasMarkers(unwrapped.whole);
  };
  const unpaired: Unwrapped = { before: '\n', after: '' };

  let from = 0;
  for (const tag of findTags(text)) {
    read(text.slice(from, tag.start));
    from = tag.end;
    if (!tag.closing) {
      stack.push({ tag, at: pieces.length, asks: false, marked: false });
      openCount[tag.kind]++;
      pieces.push('');
    } else if (openCount[tag.kind] === 0) {
      read('\n');
    } else {
      while (stack[stack.length - 1]?.tag.kind !== tag.kind) pop(unpaired);
      const open = stack[stack.length - 1] as Open;
      const body = () => pieces.slice(open.at + 1).join('');
      pop(tag.kind === 'quote' ? unwrapQuote(open, body) : unwrapDetails(open, body));
    }
  }
  read(text.slice(from));
  while (stack.length > 0) pop(unpaired);
  return pieces.join('');
}

function stripEmphasis(s: string): string {
  // The content stops at the next marker, so a line of unpaired "**" stays linear.
  return s
    .replace(/\*\*(?=\S)((?:(?!\*\*)[\s\S])*?\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)((?:(?!__)[\s\S])*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2'); // not snake__case
}

// Placeholders our own summary export writes where there is nothing typed, in any of its languages.
const PLACEHOLDERS = new Set(outlinePlaceholders());

/**
 * Our summary export (src/core/export/forum.ts) writes times as links into the recording, URLs as
 * <autolinks>, backslash escapes and invisible word joiners: back to what was typed.
 */
function unescapeMarkdown(s: string): string {
  return s
    .replace(/\u2060/g, '')
    .replace(/\[(\d{1,2}:\d{2}(?::\d{2})?)\]\([^()\s]*\)/g, '[$1]') // the link only points back into the recording
    .replace(/<((?:https?|mailto):[^\s<>]+)>/gi, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function cleanLine(raw: string): CleanLine {
  const indented = /^\s/.test(raw);
  let s = raw.trim().replace(/^(?:>\s*)+/, '');
  if (/^([-*_])(?:\s*\1){2,}$/.test(s)) return { text: '', indented }; // horizontal rule
  s = s.replace(/^#{1,6}\s+/, '').replace(/^[-*+•]\s+/, '');
  // Unescape last: an escaped "\*\*" is text, not bold.
  s = unescapeMarkdown(stripEmphasis(s)).trim();
  return { text: PLACEHOLDERS.has(s) ? '' : s, indented };
}

/** One newline style, no byte-order mark, decoration stripped, at most one blank line in a row. */
export function cleanText(text: string): CleanLine[] {
  const lines = unwrapBbcode(text.replace(/\r\n?/g, '\n').replace(/\uFEFF/g, '')).split('\n').map(cleanLine);
  const out: CleanLine[] = [];
  for (const line of lines) {
    const prevBlank = out.length === 0 || out[out.length - 1]?.text === '';
    if (line.text !== '' || !prevBlank) out.push(line);
  }
  while (out.length > 0 && out[out.length - 1]?.text === '') out.pop();
  return out;
}
