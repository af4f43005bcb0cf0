/**
 * Bringing a backup's transcripts within the caption limits (captions/limits.ts) before the file
 * is checked, as backup-adjust.ts does for times and dates.
 *
 * A transcript in a file came from a page's player once, and may have been edited since: one odd
 * cue must not cost the rest of the track, nor the notes in the file. So what has an obvious fix is
 * fixed and named, one line per transcript and kind of fix: cue text and voice names past their
 * limit are cut (shorten.ts), cues with no words are left out, a cue that ends before it starts
 * ends as it starts, and cues out of order are put in order of their start. Overlapping cues are
 * no fault (captions overlap while one line rolls into the next) and stay as they are. What has no
 * such fix (a language tag past its limit, which names the transcript; more cues than MAX_CUES; a
 * time that is no media time) is left for the schema, which refuses the file saying where.
 */
import { kindName } from './backup-words';
import { plural, t } from './i18n';
import { MAX_CUE_CHARS, MAX_NAME_CHARS } from './captions/limits';
import { withinChars } from './captions/limits';
import { shorten } from './shorten';
import { isMediaTime } from './time';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `item[field]` cut to `max` characters when it is text past that; whether it was cut. */
function cut(item: Raw, field: string, max: number): boolean {
  const value = item[field];
  if (typeof value !== 'string' || withinChars(value, max)) return false;
  item[field] = shorten(value, max);
  return true;
}

/**
 * Adjusts, in place, the `transcripts` of a parsed backup, and returns one line for each kind of
 * fix in each transcript: "transcript 1 (youtube:abc, en): 2 cues cut to 2,000 characters".
 */
export function adjustTranscripts(file: Raw): string[] {
  if (!Array.isArray(file.transcripts)) return [];
  const lines: string[] = [];
  file.transcripts.forEach((transcript, i) => {
    if (!isObject(transcript)) return;
    const names = [transcript.recordingKey, transcript.lang].filter((part): part is string => typeof part === 'string' && part !== '');
    const kind = kindName('transcripts');
    const number = String(i + 1);
    const label = names.length > 0 ? t('backup_itemWithNames', kind, number, names.map((part) => shorten(part, 80)).join(', ')) : t('backup_item', kind, number);
    const said = (what: string) => lines.push(`${label}: ${what}`);
    if (cut(transcript, 'label', MAX_NAME_CHARS)) said(t('backup_labelCut', MAX_NAME_CHARS));
    if (!Array.isArray(transcript.cues)) return;
    let texts = 0;
    let voices = 0;
    let ends = 0;
    const kept = transcript.cues.filter((cue) => {
      if (!isObject(cue)) return true;
      if (typeof cue.text === 'string' && cue.text.trim() === '') return false;
      if (cut(cue, 'text', MAX_CUE_CHARS)) texts++;
      if (cut(cue, 'voice', MAX_NAME_CHARS)) voices++;
      if (isMediaTime(cue.start) && isMediaTime(cue.end) && cue.end < cue.start) {
        cue.end = cue.start;
        ends++;
      }
      return true;
    });
    const empty = transcript.cues.length - kept.length;
    if (empty > 0) said(plural('backup_emptyCues', empty));
    if (texts > 0) said(plural('backup_cuesCut', texts, MAX_CUE_CHARS));
    if (voices > 0) said(plural('backup_voicesCut', voices, MAX_NAME_CHARS));
    if (ends > 0) said(plural('backup_endsFixed', ends));
    const start = (cue: unknown) => (isObject(cue) && isMediaTime(cue.start) ? cue.start : null);
    const ordered = kept.every((cue, j) => j === 0 || (start(cue) ?? 0) >= (start(kept[j - 1]) ?? 0));
    // Only a list whose every start is a media time is sorted; anything else the schema refuses.
    if (!ordered && kept.every((cue) => start(cue) !== null)) {
      kept.sort((a, b) => (start(a) as number) - (start(b) as number));
      said(t('backup_cuesOrdered'));
    }
    transcript.cues = kept;
  });
  return lines;
}
