/**
 * Tombstones: what "Empty trash" leaves behind so a purge reaches the other devices. A purged
 * note or question is gone from this database; its tombstone names it and says when it went. A
 * picture deleted (one frame, a recording's "Delete images", a purged note's frames) leaves one too.
 *
 * The rule, the trash's own (record-merge.ts): a tombstone removes every copy of its record whose
 * last edit is not newer than the purge; an edit made after the purge (on a device that had not
 * heard of it) brings the record back, so no word typed after the purge is lost.
 */
import type { Note, QaItem } from '../model';

export type TombstoneKind = 'note' | 'qa' | 'image';

export interface Tombstone {
  kind: TombstoneKind;
  id: string;
  /** The recording the record belonged to: which sync file carries the tombstone. */
  recordingKey: string;
  /** When the record was deleted for good, ms since the epoch. */
  deletedAt: number;
}

/** What a tombstone is weighed against: a note, a question, or a picture's facts (no field times). */
type Buried = Pick<Note | QaItem, 'updatedAt' | 'fieldsUpdatedAt'>;

/** The time of a record's last edit: its newest field time, or `updatedAt` when later. */
export function lastEdit(record: Buried): number {
  return Math.max(record.updatedAt, ...Object.values(record.fieldsUpdatedAt ?? {}));
}

/** Whether `tombstone` removes `record`: it names it, and nothing was edited after the purge. */
export function buries(tombstone: Tombstone | undefined, record: Buried): boolean {
  return tombstone !== undefined && lastEdit(record) <= tombstone.deletedAt;
}

/** Two tombstones of one record: the later purge (both removed it; the later reaches further). */
export function mergeTombstone(a: Tombstone, b: Tombstone): Tombstone {
  if (a.deletedAt !== b.deletedAt) return a.deletedAt > b.deletedAt ? a : b;
  return a.recordingKey >= b.recordingKey ? a : b;
}

/** The key a tombstone is kept under: kind and id. */
export function tombstoneKey(tombstone: Pick<Tombstone, 'kind' | 'id'>): string {
  return `${tombstone.kind}:${tombstone.id}`;
}
