/**
 * Strips the decoration of an earlier summary or forum post: BBCode [quote]/[details] wrappers,
 * "> " quote markers, bullets, headings, rules and bold markers (double asterisks or underscores).
 */
import { hasQuestionMark, readAnswerMark, readQuestionMark } from './markers';

export interface CleanLine {
  text: string;
  /** Indented in the paste: a nested list item, never a new numbered question. */
  indented: boolean;
}

// A block whose body holds no opening tag of its own kind: the innermost first, so nesting unwinds.
const QUOTE_BLOCK = /\[quote(?:=([^\]\n]*))?\]((?:(?!\[quote[\]=])[\s\S])*?)\[\/quote\]/gi;
const DETAILS_BLOCK = /\[details(?:=([^\]\n]*))?\]((?:(?!\[details[\]=])[\s\S])*?)\[\/details\]/gi;
const STRAY_TAG = /\[\/?(?:quote|details)(?:=[^\]\n]*)?\]/gi;

const unquote = (s: string | undefined) => (s ?? '').trim().replace(/^["']|["']$/g, '').trim();

const hasMarkers = (body: string) =>
  body.split('\n').some((l) => {
    const text = cleanLine(l).text;
    return readQuestionMark(text) !== null || readAnswerMark(text) !== null;
  });

/**
 * A Discourse reply quoting a question: the quote is the question (asked by the quoted user) and
 * the reply after it the answer. A quote holding its own Q:/A: is just unwrapped.
 */
function quoteToText(param: string | undefined, body: string): string {
  if (!hasQuestionMark(body) || hasMarkers(body)) return `\n${body}\n`;
  const question = body.split('\n').map((l) => cleanLine(l).text).filter(Boolean).join(' ');
  const user = unquote(param).split(',')[0]?.trim() ?? '';
  const by = user && !/asked by/i.test(question) ? ` (asked by ${user})` : '';
  return `\n\nQ: ${question}${by}\n\n`;
}

/** A collapsible section titled with a question is a Q&A; any other title is decoration. */
function detailsToText(param: string | undefined, body: string): string {
  const title = unquote(param);
  if (!/[?？؟]$/.test(title)) return `\n${body}\n`;
  return hasMarkers(body) ? `\n\nQ: ${title}\n${body}\n\n` : `\n\nQ: ${title}\nA: ${body.trim()}\n\n`;
}

export function unwrapBbcode(text: string): string {
  let before: string;
  do {
    before = text;
    text = text.replace(QUOTE_BLOCK, (_m, p: string | undefined, b: string) => quoteToText(p, b));
    text = text.replace(DETAILS_BLOCK, (_m, p: string | undefined, b: string) => detailsToText(p, b));
  } while (text !== before);
  return text.replace(STRAY_TAG, '\n');
}

function stripEmphasis(s: string): string {
  // The content stops at the next marker, so a line of unpaired "**" stays linear.
  return s
    .replace(/\*\*(?=\S)((?:(?!\*\*)[\s\S])*?\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}_])__(?=\S)((?:(?!__)[\s\S])*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2'); // not snake__case
}

// Placeholders our own summary export writes where there is nothing typed.
const PLACEHOLDERS = new Set(['(not answered)', '(no question text)']);

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
