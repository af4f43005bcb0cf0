/**
 * Per-field edit times, and the one rule that merges two copies of a record (a backup import now,
 * sync later): field by field, the newest edit of each field wins; speakers go by id and Q&A
 * answers by content, so what only one side has is kept. A copy never replaces the whole record.
 *
 * Edit times are milliseconds since the epoch, kept in `fieldsUpdatedAt` under the field's name
 * (`text`, `details.title`, …). A record written before these times existed has none: each field
 * it holds then counts as edited at the record's `updatedAt`, and a field it lacks as never set,
 * so it cannot wipe the other side's value. A field cleared since has its own time, and competes.
 *
 * Trash: `deletedAt` is a field like the others (trashing and restoring stamp it). One exception
 * keeps every word in sight: an edit on one side newer than the trashing on the other brings the
 * record back, since someone was still working on it and "Empty trash" would otherwise destroy
 * that edit unseen. A trashing newer than every edit wins: the user threw away what they saw last.
 */
import type { FieldTimes, Note, QaItem, Recording, Speaker } from './model';

/** Fields of a note that are edited (and merged) one by one. */
const NOTE_FIELDS = ['t', 'text', 'speakerId', 'qaIds', 'tags', 'deletedAt'] as const;
/** Fields of a Q&A item; `answers` is merged answer by answer, see mergeQaItem. */
const QA_FIELDS = ['question', 'askedBy', 't', 'answers', 'deletedAt'] as const;
/** Fields of a recording: what the page says, and each of the webinar details. Speakers: by id. */
const RECORDING_FIELDS = [
  'site', 'url', 'title', 'duration', 'details.title', 'details.date', 'details.description', 'details.organiser',
] as const;
const SPEAKER_FIELDS = ['name', 'role', 'org', 'handle'] as const;

interface Stamped {
  updatedAt?: number;
  fieldsUpdatedAt?: FieldTimes;
}

/** The value at `path` ("text", "details.title"): one level of nesting is all the model has. */
function valueAt(record: object, path: string): unknown {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value = (record as Record<string, unknown>)[head];
  if (tail === undefined) return value;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[tail] : undefined;
}

/** A copy of `record` with `path` set, or removed when `value` is undefined (and an emptied parent with it). */
function withValueAt<T extends object>(record: T, path: string, value: unknown): T {
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
function canonical(value: unknown, skip: ReadonlySet<string> = new Set()): string {
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
function spelledOut<T extends Stamped>(record: T, fields: readonly string[], fallback = record.updatedAt): T {
  return { ...record, fieldsUpdatedAt: timesOf(record, fields, fallback) };
}

/**
 * `merged`, or `a` itself when `merged` knows nothing `a` did not (`spelled`: `a` with its times
 * written out). A record read before per-field times existed then stays as it is, rather than
 * being rewritten only to spell its times out.
 */
function unlessNothingNew<T>(merged: T, a: T, spelled: T): T {
  return sameContent(merged, spelled) ? a : merged;
}

/** When `path` of `record` was last edited: its own time, else `fallback` if it holds a value, else never. */
function fieldTime(record: Stamped, path: string, fallback: number | undefined): number {
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

// ─── Merging ───

/** Which of two records leads where a choice must be made: the later edited, then a fixed order of content. */
function leader<T extends Stamped>(a: T, b: T): [T, T] {
  const ta = a.updatedAt ?? 0;
  const tb = b.updatedAt ?? 0;
  if (ta !== tb) return ta > tb ? [a, b] : [b, a];
  return canonical(a) >= canonical(b) ? [a, b] : [b, a];
}

/**
 * Field by field, the newer edit's value. On a tie a value beats no value, and between two values
 * the one whose JSON sorts last wins: arbitrary, but the same on every device and in either order.
 */
function mergeFields<T extends Stamped>(fields: readonly string[], a: T, b: T, fallbackA: number | undefined, fallbackB: number | undefined): T {
  const [lead] = leader(a, b);
  let merged: T = lead;
  const times: FieldTimes = {};
  for (const field of fields) {
    const ta = fieldTime(a, field, fallbackA);
    const tb = fieldTime(b, field, fallbackB);
    const va = valueAt(a, field);
    const vb = valueAt(b, field);
    let aWins = ta > tb;
    if (ta === tb) aWins = vb === undefined || (va !== undefined && canonical(va) >= canonical(vb));
    merged = withValueAt(merged, field, aWins ? va : vb);
    const time = Math.max(ta, tb);
    if (time !== -Infinity) times[field] = time;
  }
  return { ...merged, fieldsUpdatedAt: times };
}

/** Created at the earlier time, last edited at the later; the trash rule of the module comment. */
function finish<T extends Stamped & { createdAt: number; deletedAt?: number }>(merged: T, a: T, b: T, fields: readonly string[]): T {
  const result: T = { ...merged, createdAt: Math.min(a.createdAt, b.createdAt), updatedAt: Math.max(a.updatedAt ?? 0, b.updatedAt ?? 0) };
  if (result.deletedAt === undefined) return result;
  const times = result.fieldsUpdatedAt ?? {};
  const trashed = times.deletedAt ?? -Infinity;
  const lastEdit = Math.max(...fields.filter((f) => f !== 'deletedAt').map((f) => times[f] ?? -Infinity));
  if (lastEdit <= trashed) return result;
  return { ...withValueAt(result, 'deletedAt', undefined), fieldsUpdatedAt: { ...times, deletedAt: lastEdit } };
}

/** Two copies of one note (same id) merged field by field. */
export function mergeNote(a: Note, b: Note): Note {
  if (sameContent(a, b)) return a;
  return unlessNothingNew(finish(mergeFields(NOTE_FIELDS, a, b, a.updatedAt, b.updatedAt), a, b, NOTE_FIELDS), a, spelledOut(a, NOTE_FIELDS));
}

/**
 * Two copies of one Q&A item merged field by field; answers (which have no id) are matched by
 * content: those of the copy whose answers changed last, in its order, then those only the other
 * copy has. Answers are only
 * ever added, so an answer on one side only is one the other has not seen yet.
 */
export function mergeQaItem(a: QaItem, b: QaItem): QaItem {
  if (sameContent(a, b)) return a;
  const merged = mergeFields(QA_FIELDS, a, b, a.updatedAt, b.updatedAt);
  const ta = fieldTime(a, 'answers', a.updatedAt);
  const tb = fieldTime(b, 'answers', b.updatedAt);
  const [first, second] = ta > tb ? [a, b] : tb > ta ? [b, a] : leader(a, b);
  const seen = new Set(first.answers.map((answer) => canonical(answer)));
  const answers = [...first.answers, ...second.answers.filter((answer) => !seen.has(canonical(answer)))];
  return unlessNothingNew(finish({ ...merged, answers }, a, b, QA_FIELDS), a, spelledOut(a, QA_FIELDS));
}

/**
 * Two copies of one recording (same key) merged: the page's fields and each detail by its edit
 * time; speakers by id, one on a single side kept, one on both merged field by field. Order: the
 * later-edited copy's speakers, then those only the other copy has.
 */
export function mergeRecording(a: Recording, b: Recording): Recording {
  if (sameContent(a, b)) return a;
  const merged = finish(mergeFields(RECORDING_FIELDS, a, b, a.updatedAt, b.updatedAt), a, b, RECORDING_FIELDS);
  const [lead, other] = leader(a, b);
  const others = new Map((other.speakers ?? []).map((s) => [s.id, s]));
  const speakers: Speaker[] = (lead.speakers ?? []).map((speaker) => {
    const twin = others.get(speaker.id);
    others.delete(speaker.id);
    return twin ? mergeFields(SPEAKER_FIELDS, speaker, twin, lead.updatedAt, other.updatedAt) : speaker;
  });
  speakers.push(...others.values());
  const { speakers: _speakers, ...rest } = merged;
  const result = speakers.length > 0 || a.speakers || b.speakers ? { ...rest, speakers } : rest;
  const spelled = { ...spelledOut(a, RECORDING_FIELDS), ...(a.speakers ? { speakers: a.speakers.map((s) => spelledOut(s, SPEAKER_FIELDS, a.updatedAt)) } : {}) };
  return unlessNothingNew(result, a, spelled);
}
