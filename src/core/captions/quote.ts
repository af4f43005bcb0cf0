/**
 * The quote a note keeps (core/model.ts `Quote`): the caption text spoken in the window before
 * it, from the transcript the viewer follows. One rule for the composer, the Transcript tab's
 * "Note from these lines" and any check of a quote that comes in (`quoteProblem`).
 */
import { t } from '../i18n';
import { CAPTION_SOURCES, type Cue, type Quote, type Transcript } from '../model';
import { shortenStart } from '../shorten';
import { isMediaTime, spanProblem } from '../time';
import { MAX_NAME_CHARS, MAX_QUOTE_CHARS, withinChars } from './limits';

/** A quote as taken, with the voice of its last cue (who was speaking when the note began). */
export interface TakenQuote {
  quote: Quote;
  voice?: string;
}

/**
 * The quote for a note at `noteT` whose typing started at `typedAt` (both seconds into the
 * recording; `noteT` is `typedAt` minus the lead-in): the cues overlapping `noteT - windowSeconds`
 * to `typedAt` of the first of `transcripts` that has any there (the list comes with the
 * transcript heard last first). Null when none has.
 *
 * Cost: O(log n + k) for n cues of which k overlap the window, after one O(n) pass per cue list
 * (cached while the list is the same array).
 */
export function quoteForNote(transcripts: readonly Transcript[], noteT: number, typedAt: number, windowSeconds: number): TakenQuote | null {
  const from = Math.max(0, noteT - windowSeconds);
  const to = Math.max(noteT, typedAt);
  for (const transcript of transcripts) {
    const cues = cuesBetween(transcript.cues, from, to);
    const taken = cues.length > 0 ? quoteOfCues(cues, transcript) : null;
    if (taken) return taken;
  }
  return null;
}

/**
 * The quote of `cues` (in order of start) from `transcript`: their texts joined with spaces,
 * rolling repeats merged (see `joinCueTexts`), cut to MAX_QUOTE_CHARS keeping the end; `start`
 * and `end` those of the cues whose words are kept. Null when they hold no text.
 */
export function quoteOfCues(cues: readonly Cue[], transcript: Pick<Transcript, 'source' | 'lang'>): TakenQuote | null {
  // Only the last cues can reach the quote: the text is cut from the start. Bounding them here
  // bounds the merging too, whatever the window holds.
  let first = cues.length;
  let chars = 0;
  while (first > 0 && chars <= MAX_QUOTE_CHARS) chars += cues[--first]!.text.length + 1;
  const used = cues.slice(first).filter((cue) => cue.text.trim() !== '');
  const last = used[used.length - 1];
  if (!last) return null;
  const text = shortenStart(joinCueTexts(used), MAX_QUOTE_CHARS);
  const start = used[0]!.start;
  const end = used.reduce((latest, cue) => Math.max(latest, cue.end), start);
  return {
    quote: { text, start, end, source: transcript.source, lang: transcript.lang },
    ...(last.voice ? { voice: last.voice } : {}),
  };
}

/** The cues of `cues` (in order of start) that overlap `from`..`to`, seconds. */
export function cuesBetween(cues: readonly Cue[], from: number, to: number): Cue[] {
  if (!(to >= from) || cues.length === 0) return [];
  const ends = latestEnds(cues);
  // From the first cue whose own end, or an earlier cue's, reaches past `from` (a long cue that
  // began well before the window still overlaps it) to the last that starts before `to`.
  const low = firstIndex(ends.length, (i) => ends[i]! > from);
  const high = firstIndex(cues.length, (i) => cues[i]!.start >= to);
  const out: Cue[] = [];
  for (let i = low; i < high; i++) if (cues[i]!.end > from || cues[i]!.start >= from) out.push(cues[i]!);
  return out;
}

/** Per cue list, the latest end of each cue and those before it: not decreasing, so searchable. */
const latestEndsOf = new WeakMap<readonly Cue[], Float64Array>();

function latestEnds(cues: readonly Cue[]): Float64Array {
  let ends = latestEndsOf.get(cues);
  if (!ends) {
    ends = new Float64Array(cues.length);
    let latest = -Infinity;
    cues.forEach((cue, i) => (ends![i] = latest = Math.max(latest, cue.end)));
    latestEndsOf.set(cues, ends);
  }
  return ends;
}

/** The first index below `length` where `test` holds (it must hold from there on), else `length`. */
function firstIndex(length: number, test: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (test(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** Words of overlap a rolling line may repeat from the one before it; more is a new sentence. */
const MAX_OVERLAP_WORDS = 40;

/**
 * The texts of consecutive cues as one text, words separated by single spaces, with the repeats
 * of rolling captions merged: a cue holding the whole previous one ("we are" → "we are going")
 * replaces it, a cue the previous one holds is dropped, and a cue starting with the words the
 * previous one ended with ("we are going to" → "going to talk") adds only what follows them.
 * Words compare without case and punctuation. A single repeated word counts only when the two
 * cues overlap in time (a sentence may well begin with the word the last one ended with).
 */
export function joinCueTexts(cues: readonly Cue[]): string {
  /** What is kept of each cue taken, in order. */
  const kept: string[][] = [];
  let previous: { words: string[]; keys: string[]; cue: Cue } | null = null;
  for (const cue of cues) {
    const words = cue.text.split(/\s+/u).filter(Boolean);
    if (words.length === 0) continue;
    const keys = words.map(wordKey);
    if (previous && contains(previous.keys, keys)) continue;
    if (previous && contains(keys, previous.keys)) {
      // The previous cue grew: it is replaced, and the grown one is set against the cue before it.
      kept.pop();
      const before = kept[kept.length - 1];
      const overlap = before ? overlapLength(before.map(wordKey), keys, 2) : 0;
      kept.push(words.slice(overlap));
    } else {
      const overlap = previous ? overlapLength(previous.keys, keys, previous.cue.end > cue.start ? 1 : 2) : 0;
      kept.push(words.slice(overlap));
    }
    previous = { words, keys, cue };
  }
  return kept.flat().join(' ');
}

function wordKey(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether `part` appears in `whole` as a run of words. */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  return ` ${whole.join(' ')} `.includes(` ${part.join(' ')} `);
}

/** The most words (at least `least`, at most MAX_OVERLAP_WORDS) that end `before` and begin `after`; else 0. */
function overlapLength(before: readonly string[], after: readonly string[], least: number): number {
  for (let n = Math.min(before.length, after.length, MAX_OVERLAP_WORDS); n >= least; n--) {
    let same = true;
    for (let i = 0; i < n && same; i++) same = before[before.length - n + i] === after[i];
    if (same) return n;
  }
  return 0;
}


/**
 * What is wrong with a quote a note is to keep, in words for the user, or null when nothing is:
 * text of 1 to MAX_QUOTE_CHARS characters, a span of the recording, a known source, a short
 * language tag. Checked wherever a quote is stored (the composer's save, an edit, an import).
 */
export function quoteProblem(quote: Quote): string | null {
  if (quote.text.trim() === '') return t('quote_noText');
  if (!withinChars(quote.text, MAX_QUOTE_CHARS)) {
    return t('quote_tooLong', Array.from(quote.text).length, MAX_QUOTE_CHARS);
  }
  if (!isMediaTime(quote.start) || !isMediaTime(quote.end) || quote.end < quote.start) {
    return t('quote_badTime', spanProblem(quote.start, quote.end) ?? t('quote_endBeforeStart'));
  }
  if (!(CAPTION_SOURCES as readonly string[]).includes(quote.source)) return t('quote_unknownSource');
  if (!withinChars(quote.lang, MAX_NAME_CHARS)) return t('quote_langTooLong', MAX_NAME_CHARS);
  return null;
}
