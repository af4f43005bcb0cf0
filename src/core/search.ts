/**
 * The search's rules: how text is folded (`normalize`), what a query's terms are (`parseQuery`),
 * which words a text has (`searchWords`) and what a match is (`matchesAll`: every term at the
 * start of a word). The library's word index (word-index.ts, FlexSearch) and the transcripts'
 * line index (line-index.ts) find the same matches with them. Highlighting maps
 * matches in the normalised text back to the original text, whose length normalisation may change.
 */
import { graphemeBoundary } from './shorten';
import { t } from './i18n';

/** Longest query we search with; longer input is refused with a message, not truncated silently. */
export const MAX_QUERY_LENGTH = 200;

export type ParsedQuery =
  | { ok: true; terms: string[] } // normalised terms, deduplicated, longest first
  | { ok: false; message: string }; // a sentence for the user

export interface TextPart {
  text: string;
  match: boolean;
}

/** One searchable thing. */
export interface SearchDoc {
  /** What the hit opens; a `line` is one cue of a stored transcript. */
  kind: 'note' | 'qa' | 'recording' | 'line';
  /** Note id, Q&A id, recording key, or for a line its recording, language and place in the transcript. */
  id: string;
  recordingKey: string;
  /** The text shown and matched. */
  text: string;
  /** Seconds, for notes, Q&A and lines (where the line is said). */
  t?: number;
  /** A line's speaker as its voice tag names them. */
  voice?: string;
  /** When a note or question was written (ms): the order of those at one time, as in records.ts. */
  createdAt?: number;
  /** What the filters test, carried so a search needs no other record: a note's tags, */
  tags?: string[];
  /** the speakers of a note or of a question's answers (ids in the recording's list), */
  speakerIds?: string[];
  /** and the names typed for answers by someone not in that list. */
  names?: string[];
}

const MARKS = /\p{M}/gu;
/** Whitespace other than the plain space, typographic quotes, final sigma, dotless ı and invisible characters. */
const FOLDABLE = /[\t\n\v\f\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u2018-\u201F\u2032\u2033\u02BC\uFF02\uFF07\u03C2\u0131\u00AD\u200B\u2060\uFEFF]/g;
const FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'", '\u02BC': "'", '\uFF07': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\uFF02': '"',
  // toLowerCase picks σ or ς by context; one form makes "οδοσ" find "ΟΔΟΣ" and keeps the fold per character.
  '\u03C2': '\u03C3',
  // Turkish dotless ı is i for the search, as dotted İ already is (lower case "i̇", its dot dropped
  // with the marks): so "istanbul" finds "İstanbul" and "ISIK" finds "Işık" whatever the language
  // of the text or the query. A search finds a little more (the rare words that differ only by the
  // dot) rather than missing what a keyboard without ı types.
  '\u0131': 'i',
  // Soft hyphen, zero-width space, word joiner, BOM: invisible, yet they would split a word.
  '\u00AD': '', '\u200B': '', '\u2060': '', '\uFEFF': '',
};
const fold = (c: string): string => FOLDS[c] ?? ' ';
/** The \p{M} replace costs as much where it finds nothing, so cheap tests decide which passes run. */
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const DECOMPOSABLE = /[\u00C0-\uFFFF]/; // nothing below U+00C0 decomposes
const LATIN_MARKS = /[\u0300-\u036F]/g; // what Latin, Greek and Cyrillic letters decompose into
const OTHER_MARKS_POSSIBLE = /[\u0370-\u1FFF\u2070-\uFFFF]/; // general punctuation has no marks

/**
 * Case- and accent-insensitive form used for matching: lower case, NFD without combining marks,
 * typographic quotes as ASCII, every whitespace character as one space. Lower-casing comes first
 * so that what it produces (the dot of "İ" → "i̇") is dropped too. Per character: the form of a
 * text is the forms of its code points joined, which is what lets matchRanges map back.
 */
export function normalize(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase();
  const lower = text.toLowerCase();
  let bare = (DECOMPOSABLE.test(lower) ? lower.normalize('NFD') : lower).replace(LATIN_MARKS, '');
  if (OTHER_MARKS_POSSIBLE.test(bare)) bare = bare.replace(MARKS, '');
  return bare.replace(FOLDABLE, fold);
}

const WORDS = /[\p{L}\p{N}]+/gu;
/** Scripts written without spaces between words: each of their characters is a word of its own. */
const UNSPACED = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const SEARCH_WORDS = new RegExp(`[${UNSPACED}]|(?:(?![${UNSPACED}])[\\p{L}\\p{N}])+`, 'gu');
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UNSPACED_CHAR = new RegExp(`[${UNSPACED}]`, 'u');

/**
 * The words of a normalised text as search indexes them: runs of letters and digits, and each
 * Han, Hiragana or Katakana character alone (those scripts put no space between words, so a word
 * of them is found by its characters and then checked as a whole by `matchesAll`).
 */
export function searchWords(normalized: string): string[] {
  return normalized.match(SEARCH_WORDS) ?? [];
}

/** A query as a word index reads it (`wordQuery`). */
export interface WordQuery {
  terms: readonly string[];
  /** Every word of every term, once: each must begin a word of a matching text. */
  words: string[];
  /**
   * Every term is one word, so finding the words decides; else a phrase or a run of Han
   * characters must also be in a row, which only the text can tell (`matchesAll`).
   */
  exact: boolean;
}

/** The query of `terms` (normalised, as `parseQuery` gives them) for the word indexes (word-index.ts, line-index.ts). */
export function wordQuery(terms: readonly string[]): WordQuery {
  return {
    terms,
    words: [...new Set(terms.flatMap((term) => searchWords(term)))],
    exact: terms.every((term) => {
      const termWords = searchWords(term);
      return termWords.length === 1 && termWords[0] === term;
    }),
  };
}

/** Whether `at` in a normalised text starts a word: what a term must match at. */
function startsWord(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text[at - 1] as string;
  return !WORD_CHAR.test(before) || UNSPACED_CHAR.test(before) || UNSPACED_CHAR.test(text[at] as string);
}

/** Where `needle` first occurs in `text` at the start of a word, from `from`; -1 when nowhere. */
function wordIndexOf(text: string, needle: string, from: number): number {
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) if (startsWord(text, at)) return at;
  return -1;
}

/**
 * The search's one rule of a match: every term (normalised, as `parseQuery` gives them) occurs in
 * the normalised text at the start of a word, so a term finds the words it begins ("contr" finds
 * "contrast", as the user types) and a quoted phrase finds those words in a row.
 */
export function matchesAll(normalized: string, terms: readonly string[]): boolean {
  for (let j = 0; j < terms.length; j++) if (wordIndexOf(normalized, terms[j] as string, 0) === -1) return false;
  return true;
}
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/**
 * Splits what the user typed into terms: runs of letters and digits, and "quoted phrases" kept
 * whole with single spaces (an unclosed quote runs to the end, so a phrase finds as it is typed).
 */
export function parseQuery(input: string): ParsedQuery {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: true, terms: [] };
  // Counted in code points, as a person counts characters; only worth counting when it may be over.
  const length = trimmed.length > MAX_QUERY_LENGTH ? [...trimmed].length : 0;
  if (length > MAX_QUERY_LENGTH) {
    return {
      ok: false,
      message: t('search_tooLong', MAX_QUERY_LENGTH, length),
    };
  }
  const found: string[] = [];
  // After normalize, “ ” and ＂ are '"': odd pieces are inside quotes.
  normalize(trimmed)
    .split('"')
    .forEach((piece, i) => {
      if (i % 2 === 0) found.push(...(piece.match(WORDS) ?? []));
      else found.push(piece.replace(EDGE_PUNCTUATION, '').replace(/ {2,}/g, ' '));
    });
  const terms = [...new Set(found.filter((term) => term !== ''))].sort((a, b) => b.length - a.length);
  if (terms.length === 0) {
    return { ok: false, message: t('search_noWords') };
  }
  return { ok: true, terms };
}

/** normalize() of one ASCII character, without its passes. */
function normalizeAscii(code: number): string {
  if (code >= 0x41 && code <= 0x5a) return String.fromCharCode(code + 0x20);
  return code >= 0x09 && code <= 0x0d ? ' ' : String.fromCharCode(code);
}

/** The normalised text and, for each of its UTF-16 units, where its code point starts in `text`. */
function normalizeWithStarts(text: string): { normalized: string; starts: number[] } {
  const pieces: string[] = [];
  const starts: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    const width = code > 0xffff ? 2 : 1;
    const piece = code < 0x80 ? normalizeAscii(code) : normalize(text.slice(i, i + width));
    pieces.push(piece);
    for (let k = 0; k < piece.length; k++) starts.push(i);
    i += width;
  }
  return { normalized: pieces.join(''), starts };
}

/** Terms as search uses them: normalised, non-empty, each once, longest first. */
function needlesOf(terms: readonly string[]): string[] {
  return [...new Set(terms.map(normalize).filter((term) => term !== ''))].sort((a, b) => b.length - a.length);
}

/**
 * Where the terms occur in `text` at the start of a word, as `matchesAll` finds them (in the original, not its normalised form): sorted, merged
 * [start, end) ranges in UTF-16 indices of `text`. A range covers whole code points and takes in
 * the marks after its last letter, so "é" written as e + U+0301 is highlighted whole.
 */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const needles = needlesOf(terms);
  if (needles.length === 0 || text === '') return [];
  const { normalized, starts } = normalizeWithStarts(text);
  const found: [number, number][] = [];
  for (const needle of needles) {
    for (let at = wordIndexOf(normalized, needle, 0); at !== -1; at = wordIndexOf(normalized, needle, at + 1)) {
      // The end is where the next code point with a normalised form starts: past dropped marks,
      // and past the rest of a code point the match ends inside (a Hangul syllable's jamo).
      let end = at + needle.length;
      while (end < starts.length && starts[end] === starts[end - 1]) end++;
      found.push([starts[at] as number, starts[end] ?? text.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of found) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** The parts of text[from, to), with the ranges (clipped to it) as matches. */
function partsOf(text: string, ranges: readonly [number, number][], from: number, to: number): TextPart[] {
  const parts: TextPart[] = [];
  let at = from;
  for (const [rangeStart, rangeEnd] of ranges) {
    const start = Math.max(rangeStart, at);
    const end = Math.min(rangeEnd, to);
    if (start >= end) continue;
    if (start > at) parts.push({ text: text.slice(at, start), match: false });
    parts.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  return parts;
}

/** How far a window's edge may move to fall between words. */
const WORD_SNAP = 12;
const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * At most `maxLength` characters (ellipses included; at least 3) around the first match, a third
 * of the spare room before it since reading runs forward; the start of the text when nothing
 * matches. A "…" part (match: false) stands where text was cut.
 */
export function excerpt(text: string, terms: readonly string[], maxLength: number): TextPart[] {
  const ranges = matchRanges(text, terms);
  if (text.length <= maxLength) return partsOf(text, ranges, 0, text.length);
  const max = Math.max(3, Math.floor(maxLength) || 0);
  const [matchStart, matchEnd] = ranges[0] ?? [0, 0];
  const room = max - 2;
  let start = matchStart - Math.max(0, Math.floor((room - (matchEnd - matchStart)) / 3));
  start = Math.max(0, Math.min(start, text.length - (max - 1)));
  let end = start === 0 ? max - 1 : start + room >= text.length - 1 ? text.length : start + room;
  // Fall between words when a space is near, never cutting into the match.
  if (start > 0 && !isSpace(text[start - 1])) {
    const limit = Math.min(start + WORD_SNAP, ranges[0] ? matchStart : Infinity, end);
    for (let i = start; i < limit; i++) if (isSpace(text[i])) { start = i + 1; break; }
  }
  if (end < text.length && !isSpace(text[end])) {
    const limit = Math.max(end - WORD_SNAP, matchEnd, start + 1);
    for (let i = end - 1; i >= limit; i--) if (isSpace(text[i])) { end = i; break; }
  }
  // Never inside a character as a reader sees it (👩‍💻, 🇯🇵, a letter and its accents).
  start = Math.min(graphemeBoundary(text, start, 'forward'), end);
  end = Math.max(graphemeBoundary(text, end, 'back'), start);
  const parts = partsOf(text, ranges, start, end);
  if (start > 0) parts.unshift({ text: '…', match: false });
  if (end < text.length) parts.push({ text: '…', match: false });
  return parts;
}
