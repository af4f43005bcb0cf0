/**
 * The words of a WebVTT cue, without its markup: what a quote keeps and a transcript shows.
 * Follows the cue text syntax of W3C WebVTT (https://www.w3.org/TR/webvtt1/#cue-text, and its
 * tokenizer, §6.4): a `<` opens a tag that runs to the next `>` (or to the end of the text);
 * `&…;` is a character reference. Every tag goes (`<c.yellow>`, `<i>`, `<b>`, `<u>`, `<ruby>`,
 * `<rt>`, `<lang en>`, `<v Name>`, timestamps `<00:01:02.000>`, end tags, tags no spec names)
 * and the text between tags stays. Text from a page's player is hostile, so the scan is one pass,
 * linear in the text, whatever it holds.
 */
import type { Cue } from '../model';
import { isMediaTime } from '../time';
import { MAX_NAME_CHARS } from './limits';
import { lineText } from './line-text';

export interface CueText {
  /** The cue's words, white space collapsed to single spaces, at most MAX_CUE_CHARS code points. */
  text: string;
  /** The annotation of the cue's first voice tag (`<v Name>`, `<v.loud Name>`), if it names one. */
  voice?: string;
}

/** `raw` (a VTTCue's `text`) as words and the speaker its first voice tag names. Never throws. */
export function cueText(raw: string): CueText {
  const words: string[] = [];
  let voice: string | undefined;
  let at = 0;
  while (at < raw.length) {
    const open = raw.indexOf('<', at);
    if (open < 0) {
      words.push(decodeReferences(raw.slice(at)));
      break;
    }
    words.push(decodeReferences(raw.slice(at, open)));
    // A tag with no `>` runs to the end of the text (the tokenizer's end of input), so the scan
    // stops there: every character is looked at once.
    const close = raw.indexOf('>', open + 1);
    const tag = raw.slice(open + 1, close < 0 ? raw.length : close);
    if (voice === undefined) voice = voiceOf(tag);
    if (close < 0) break;
    at = close + 1;
  }
  const text = lineText(words.join(''));
  return { text, ...(voice ? { voice } : {}) };
}

/**
 * The cue a player holds (times in seconds, `raw` its WebVTT cue text), as a transcript keeps it;
 * null when it starts at no media time (core/time.ts) or has no words. An end that is no media
 * time, or comes before the start, becomes the start.
 */
export function cleanCue(start: number, end: number, raw: string): Cue | null {
  if (!isMediaTime(start)) return null;
  const { text, voice } = cueText(raw);
  if (!text) return null;
  return { start, end: isMediaTime(end) && end >= start ? end : start, text, ...(voice ? { voice } : {}) };
}

/**
 * A name from a caption file or a player (a voice, a track's label or language): references
 * decoded, white space collapsed, at most MAX_NAME_CHARS code points.
 */
export function captionName(raw: string): string {
  return lineText(decodeReferences(raw), MAX_NAME_CHARS);
}

/** The speaker a start tag names when it is a voice tag (`v`, maybe with classes), else undefined. */
function voiceOf(tag: string): string | undefined {
  const match = /^v(?:\.\S*)?\s+([^]*)$/.exec(tag);
  const name = match ? captionName(match[1] ?? '') : '';
  return name || undefined;
}


const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  lrm: '\u200e',
  rlm: '\u200f',
  nbsp: '\u00a0',
  quot: '"',
  apos: "'",
};

/**
 * WebVTT's character references (HTML's: https://html.spec.whatwg.org/#character-references):
 * the named ones cue files use, and numeric ones. One that names no character (a surrogate, 0,
 * past U+10FFFF) or no name known here stays as written.
 */
function decodeReferences(text: string): string {
  return text.replace(/&(?:#(\d{1,8})|#[xX]([\da-fA-F]{1,7})|([a-zA-Z]{2,6}));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const character = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return character ? String.fromCodePoint(code) : whole;
  });
}
