/**
 * Per-field edit times: which fields of a record an edit changed, and when (ms since the epoch),
 * kept in `fieldsUpdatedAt` under the field's name (`text`, `details.title`, …; speakers carry
 * their own). The db functions stamp through `editedNote`, `editedQaItem` and `editedRecording`;
 * src/core/record-merge.ts reads the times to merge two copies of a record field by field.
 *
 * A record written before these times existed has none: each field it holds then counts as edited
 * at the record's `updatedAt`, and a field it lacks as never set. A field cleared since has its own
 * time.
 */
import type { FieldTimes, Note, QaItem, Recording, Speaker } from './model';

/** Fields of a note that are edited (and merged) one by one. */
export const NOTE_FIELDS = ['t', 'text', 'speakerId', 'qaIds', 'tags', 'quote', 'deletedAt'] as const;
/** Fields of a Q&A item; `answers` is merged answer by answer, see mergeQaItem. */
export const QA_FIELDS = ['question', 'askedBy', 't', 'answers', 'deletedAt'] as const;
/** Fields of a recording: what the page says, and each of the webinar details. Speakers: by id. */
export const RECORDING_FIELDS = [
  'site', 'url', 'title', 'duration', 'details.title', 'details.date', 'details.description', 'details.organiser',
] as const;
/** Fields of a speaker, stamped on the speaker itself. */
export const SPEAKER_FIELDS = ['name', 'role', 'org', 'handle'] as const;

/** What carries edit times: records, and speakers (which have no updatedAt of their own). */
export interface Stamped {
  updatedAt?: number;
  fieldsUpdatedAt?: FieldTimes;
}

/** The value at `path` ("text", "details.title"): one level of nesting is all the model has. */
export function valueAt(record: object, path: string): unknown {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value = (record as Record<string, unknown>)[head];
  if (tail === undefined) return value;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tail] : undefined;
}

/** A copy of `record` with `path` set, or removed when `value` is undefined (and an emptied parent with it). */
export function withValueAt<T extends object>(record: T, path: string, value: unknown): T {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const next = { ...record } as Record<string, unknown>;
  if (tail === undefined) {
    if (value === undefined) delete next[head];
    else next[head] = value;
    return next as T;
  }
  const parent = { ...(next[head] as Record<string, unknown> | undefined) };
  if (value === undefined) delete parent[tail];
  else parent[tail] = value;
  if (Object.keys(parent).length === 0) delete next[head];
  else next[head] = parent;
  return next as T;
}

/**
 * JSON with object keys sorted: equal content gives equal text whatever order the keys came in.
 * Keys named in `skip` are left out at every depth.
 */
export function canonical(value: unknown, skip: ReadonlySet<string> = new Set()): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    typeof item === 'object' && item !== null && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).filter(([key]) => !skip.has(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Whether two records hold the same content, edit times included, whatever the order of their keys. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

const EDIT_TIMES = new Set(['updatedAt', 'fieldsUpdatedAt']);

/** Whether two records hold the same values: what a user would see, edit times left out. */
export function sameValues(a: unknown, b: unknown): boolean {
  return canonical(a, EDIT_TIMES) === canonical(b, EDIT_TIMES);
}

/** `record` with the times a merge reads for its fields written out (`fallback` for those it lacks). */
export function spelledOut<T extends Stamped>(record: T, fields: readonly string[], fallback = record.updatedAt): T {
  return { ...record, fieldsUpdatedAt: timesOf(record, fields, fallback) };
}

/** When `path` of `record` was last edited: its own time, else `fallback` if it holds a value, else never. */
export function fieldTime(record: Stamped, path: string, fallback: number | undefined): number {
  const own = record.fieldsUpdatedAt?.[path];
  if (own !== undefined) return own;
  return valueAt(record, path) !== undefined ? (fallback ?? -Infinity) : -Infinity;
}

/** The times of a record's fields as a merge would read them, written out. */
function timesOf(record: Stamped, fields: readonly string[], fallback: number | undefined): FieldTimes {
  const times: FieldTimes = {};
  for (const field of fields) {
    const time = fieldTime(record, field, fallback);
    if (time !== -Infinity) times[field] = time;
  }
  return times;
}

/**
 * `after` with its field times: `before`'s (read as a merge reads them), and `now` for every field
 * whose value differs from `before`'s (every field it holds when there is no `before`). A field
 * saved unchanged keeps its old time, so a form saving all its fields cannot outrank a real edit
 * of one of them made elsewhere.
 */
function stamp<T extends Stamped>(fields: readonly string[], before: Stamped | undefined, after: T, now: number): T {
  const times = before ? timesOf(before, fields, before.updatedAt) : {};
  for (const field of fields) {
    if (!before ? valueAt(after, field) !== undefined : !sameContent(valueAt(before, field), valueAt(after, field))) times[field] = now;
  }
  return { ...after, fieldsUpdatedAt: times };
}

function stampSpeakers(before: Recording | undefined, after: Recording, now: number): Speaker[] | undefined {
  if (!after.speakers) return undefined;
  return after.speakers.map((speaker) => {
    const old = before?.speakers?.find((s) => s.id === speaker.id);
    // A speaker has no updatedAt of its own: before per-field times, it was as new as its recording.
    return stamp(SPEAKER_FIELDS, old ? { ...old, updatedAt: before?.updatedAt } : undefined, speaker, now);
  });
}

/**
 * `next`, the note `record` becomes by an edit, with `updatedAt` set to `now` (ms) and the edit
 * time of each field whose value changed set to `now`. With `record` undefined, `next` is new:
 * every field it holds is stamped `now`.
 */
export function editedNote(record: Note | undefined, next: Note, now: number): Note {
  return { ...stamp(NOTE_FIELDS, record, next, now), updatedAt: now };
}

/** The same as editedNote, for a Q&A item. */
export function editedQaItem(record: QaItem | undefined, next: QaItem, now: number): QaItem {
  return { ...stamp(QA_FIELDS, record, next, now), updatedAt: now };
}

/** The same as editedNote, for a recording; each speaker's fields are stamped on the speaker. */
export function editedRecording(record: Recording | undefined, next: Recording, now: number): Recording {
  const stamped = stamp(RECORDING_FIELDS, record, next, now);
  const speakers = stampSpeakers(record, next, now);
  return { ...stamped, ...(speakers ? { speakers } : {}), updatedAt: now };
}

/** `record` with `changes` applied; a change to undefined removes the field (as Dexie's update does). */
export function withChanges<T extends object>(record: T, changes: Partial<T>): T {
  let next = record;
  for (const [field, value] of Object.entries(changes)) next = withValueAt(next, field, value);
  return next;
}
