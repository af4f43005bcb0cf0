/**
 * Bringing a backup's times and dates within today's rules (time.ts) before it is checked.
 *
 * Versions before the rules accepted any finite time or date ≥ 0, so a database, and every backup
 * made of it, may hold `t: 1e21` or `createdAt: 1e17`. Refusing such a file would refuse all the
 * notes in it for one value, and the user's own automatic backups with them. So a value the old
 * rule allowed and this one does not is adjusted, and named; anything else (negative, not a
 * number) is still refused by the schema with its message.
 */
import { kindName, recordPlace } from './backup-words';
import { t } from './i18n';
import { shorten } from './shorten';
import { formatTime, isMediaTime, isTimestamp, MAX_MEDIA_SECONDS } from './time';

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
/** What versions before the rules stored: finite and not negative. */
const oldRule = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

const DATE_FIELDS = ['createdAt', 'updatedAt', 'deletedAt'] as const;
const LIMIT = formatTime(MAX_MEDIA_SECONDS);

/**
 * Adjusts, in place, the times and dates of a parsed backup (`recordings`, `notes`, `qa` as the file
 * has them) that the old rule allowed and today's refuses, and returns one line for each, naming
 * the record: "note 3 (id n1): t was past 100:00:00, now 0:00".
 * - A note's time becomes 0:00, where the exports already showed it; an optional time (a question's,
 *   an answer's start or end, a recording's duration) is left out.
 * - A date past the year 9999 becomes the file's own `exportedAt` (ms): no record was edited after
 *   the file was written, and a later date would win every merge by field.
 * A file whose `exportedAt` is no date is left as it is: the schema refuses it anyway.
 */
export function adjustToRules(file: Raw): string[] {
  const exportedAt = typeof file.exportedAt === 'string' ? Date.parse(file.exportedAt) : NaN;
  if (!isTimestamp(exportedAt)) return [];
  const lines: string[] = [];

  function dates(item: Raw, label: string): void {
    for (const field of DATE_FIELDS) {
      if (oldRule(item[field]) && !isTimestamp(item[field])) {
        item[field] = exportedAt;
        lines.push(`${label}: ${t('backup_datePastYear', field)}`);
      }
    }
    const stamps = item.fieldsUpdatedAt;
    if (!isObject(stamps)) return;
    for (const [field, at] of Object.entries(stamps)) {
      if (oldRule(at) && !isTimestamp(at)) {
        stamps[field] = exportedAt;
        lines.push(`${label}: ${t('backup_editTimePastYear', shorten(field, 40))}`);
      }
    }
  }
  /** An optional time past the limit is left out. */
  function optionalTime(item: Raw, field: string, label: string): void {
    if (oldRule(item[field]) && !isMediaTime(item[field])) {
      delete item[field];
      lines.push(`${label}: ${t('backup_timeLeftOut', field, LIMIT)}`);
    }
  }
  const each = (list: unknown, kind: string, idField: string, visit: (item: Raw, label: string) => void) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      if (!isObject(item)) return;
      const ident = item[idField];
      visit(item, recordPlace(kind, i, idField, ident));
    });
  };

  each(file.recordings, kindName('recordings'), 'key', (recording, label) => {
    optionalTime(recording, 'duration', label);
    dates(recording, label);
    each(recording.speakers, `${label}, ${kindName('speakers')}`, 'id', dates);
  });
  each(file.notes, kindName('notes'), 'id', (note, label) => {
    if (oldRule(note.t) && !isMediaTime(note.t)) {
      note.t = 0;
      lines.push(`${label}: ${t('backup_timeZeroed', LIMIT)}`);
    }
    dates(note, label);
  });
  each(file.qa, kindName('qa'), 'id', (item, label) => {
    optionalTime(item, 't', label);
    each(item.answers, `${label}, ${kindName('answers')}`, 'id', (answer, answerLabel) => {
      const startGone = oldRule(answer.t) && !isMediaTime(answer.t);
      optionalTime(answer, 't', answerLabel);
      if (startGone && answer.end !== undefined) {
        // An end without its start would be refused: it goes with its start.
        delete answer.end;
        lines.push(`${answerLabel}: ${t('backup_endLeftOut')}`);
      } else optionalTime(answer, 'end', answerLabel);
    });
    dates(item, label);
  });
  return lines;
}
