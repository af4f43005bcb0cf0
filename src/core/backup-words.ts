/**
 * How a backup's problems and fixes name a record, in the pages' language: "note 12 (id abc)",
 * the one form backup.ts, backup-adjust.ts and backup-captions.ts use, so a line of a refusal and
 * a line of an import's summary point at a record the same way. Field names and ids stay as the
 * file writes them: they are what a user searches the file for.
 */
import { t, type MessageKey } from './i18n';
import { shorten } from './shorten';

/** The word for each kind of record, by the file's collection name. */
const KINDS: Readonly<Record<string, MessageKey>> = {
  recordings: 'backup_kindRecording', notes: 'backup_kindNote', qa: 'backup_kindQa', answers: 'backup_kindAnswer',
  speakers: 'backup_kindSpeaker', qaIds: 'backup_kindQaLink', tags: 'backup_kindTag', transcripts: 'backup_kindTranscript',
  cues: 'backup_kindCue', images: 'backup_kindImage',
};

/** The word for the records of `collection` ("notes" → "note"); the collection's own name for one we do not know. */
export function kindName(collection: string): string {
  return Object.hasOwn(KINDS, collection) ? t(KINDS[collection] as MessageKey) : collection;
}

/**
 * A record's place: "note 12", or with its id "note 12 (id abc)" (`index` counts from 0; an id
 * that is not a non-empty string is left out; a long one is shortened to 80 characters).
 */
export function recordPlace(kind: string, index: number, idField?: string, ident?: unknown): string {
  // The number is written as digits, not formatted: it is a position in the file, like a line number.
  const number = String(index + 1);
  return typeof ident === 'string' && ident !== '' && idField !== undefined
    ? t('backup_itemWithId', kind, number, idField, shorten(ident, 80))
    : t('backup_item', kind, number);
}

/** At most `max` lines, joined by "; ", and how many more. */
export function firstFew(lines: readonly string[], max: number): string {
  const listed = lines.slice(0, max).join('; ');
  return lines.length > max ? t('backup_andMore', listed, lines.length - max) : listed;
}
