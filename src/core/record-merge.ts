/**
 * Per-field edit times, and the one rule that merges two copies of a record (a backup import now,
 * sync later): field by field, the newest edit of each field wins; speakers go by id and Q&A
 * answers by content, so what only one side has is kept. A copy never replaces the whole record.
 *
 * The edit times are those of src/core/field-times.ts. A record written before they existed has
 * none: each field it holds counts from the record's `updatedAt`, and a field it lacks as never
 * set, so it cannot wipe the other side's value. A field cleared since has its own time, and
 * competes.
 *
 * Trash: `deletedAt` is a field like the others (trashing and restoring stamp it). One exception
 * keeps every word in sight: an edit on one side newer than the trashing on the other brings the
 * record back, since someone was still working on it and "Empty trash" would otherwise destroy
 * that edit unseen. A trashing newer than every edit wins: the user threw away what they saw last.
 */
import {
  canonical, fieldTime, NOTE_FIELDS, QA_FIELDS, RECORDING_FIELDS, sameContent, SPEAKER_FIELDS, spelledOut, valueAt, withValueAt, type Stamped,
} from './field-times';
import type { FieldTimes, Note, QaAnswer, QaItem, Recording, Speaker } from './model';
import { isLive } from './records';

/**
 * `merged`, or `a` itself when `merged` knows nothing `a` did not (`spelled`: `a` with its times
 * written out). A record read before per-field times existed then stays as it is, rather than
 * being rewritten only to spell its times out.
 */
function unlessNothingNew<T>(merged: T, a: T, spelled: T): T {
  return sameContent(merged, spelled) ? a : merged;
}

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

/**
 * Whether list `a` leads when two lists of items known by `keyOf` (speakers by id, answers by
 * content) become one: the leading list's items in its order, then those only the other has. The
 * list changed last (`ta`, `tb`) leads; on a tie, the one holding every item of the other (a
 * merge's result holds both, so merging it again keeps its order), else the one whose keys sort last.
 */
function leadsUnion<T>(a: readonly T[], ta: number, b: readonly T[], tb: number, keyOf: (item: T) => string): boolean {
  const keysA = a.map(keyOf);
  const keysB = b.map(keyOf);
  const holds = (outer: string[], inner: string[]) => inner.every((key) => outer.includes(key));
  if (ta !== tb) return ta > tb;
  if (holds(keysA, keysB) !== holds(keysB, keysA)) return holds(keysA, keysB);
  return JSON.stringify(keysA) >= JSON.stringify(keysB);
}

/** Created at the earlier time, last edited at the later; the trash rule of the module comment. */
function finish<T extends Stamped & { createdAt: number; deletedAt?: number }>(merged: T, a: T, b: T, fields: readonly string[]): T {
  const result: T = { ...merged, createdAt: Math.min(a.createdAt, b.createdAt), updatedAt: Math.max(a.updatedAt ?? 0, b.updatedAt ?? 0) };
  if (isLive(result)) return result;
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
 * copy has. Answers are only ever added, so an answer on one side only is one the other has not
 * seen yet.
 */
export function mergeQaItem(a: QaItem, b: QaItem): QaItem {
  if (sameContent(a, b)) return a;
  const merged = mergeFields(QA_FIELDS, a, b, a.updatedAt, b.updatedAt);
  const key = (answer: QaAnswer) => canonical(answer);
  const aLeads = leadsUnion(a.answers, fieldTime(a, 'answers', a.updatedAt), b.answers, fieldTime(b, 'answers', b.updatedAt), key);
  const [first, second] = aLeads ? [a.answers, b.answers] : [b.answers, a.answers];
  const seen = new Set(first.map(key));
  const answers = [...first, ...second.filter((answer) => !seen.has(key(answer)))];
  return unlessNothingNew(finish({ ...merged, answers }, a, b, QA_FIELDS), a, spelledOut(a, QA_FIELDS));
}

/**
 * Two copies of one recording (same key) merged: the page's fields and each detail by its edit
 * time; speakers by id, one on a single side kept, one on both merged field by field. Order: the
 * later-edited copy's speakers, then those only the other copy has (see leadsUnion).
 */
export function mergeRecording(a: Recording, b: Recording): Recording {
  if (sameContent(a, b)) return a;
  const merged = finish(mergeFields(RECORDING_FIELDS, a, b, a.updatedAt, b.updatedAt), a, b, RECORDING_FIELDS);
  const [lead, other] = leadsUnion(a.speakers ?? [], a.updatedAt, b.speakers ?? [], b.updatedAt, (s) => s.id) ? [a, b] : [b, a];
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
