/**
 * Three-way merge by field, for a form that edits a stored record while other tabs may edit it
 * too. A form remembers the values it opened with (the base); on save it writes only the fields
 * the user changed, and only where nobody else changed them in the meantime.
 */
import { sameContent } from './field-times';

/** A field the user changed that was also changed elsewhere, to a different value. */
export interface FieldConflict<T, K extends keyof T = keyof T> {
  field: K;
  /** What the form opened with. */
  base: T[K];
  /** What the user wants. */
  mine: T[K];
  /** What is stored now. */
  stored: T[K];
}

export interface FieldMerge<T> {
  /** The fields to write: changed by the user, unchanged elsewhere. Empty when there is nothing to write. */
  changes: Partial<T>;
  /** Fields changed on both sides to different values: nothing may be written until the user chooses. */
  conflicts: FieldConflict<T>[];
}

/**
 * For every field of `base` or `mine`: unchanged by the user (mine = base) → left as stored, so
 * another tab's edit of it stays; changed by the user only (stored = base) → in `changes`; changed
 * on both sides to the same value → nothing to do; to different values → a conflict. Values are
 * compared by content (`sameContent`: arrays item by item, objects whatever their key order), a
 * missing field as `undefined`.
 */
export function mergeFields<T extends object>(base: T, mine: T, stored: T): FieldMerge<T> {
  const changes: Partial<T> = {};
  const conflicts: FieldConflict<T>[] = [];
  const fields = new Set([...Object.keys(base), ...Object.keys(mine)] as (keyof T)[]);
  for (const field of fields) {
    if (sameContent(mine[field], base[field])) continue;
    if (sameContent(stored[field], base[field])) changes[field] = mine[field];
    else if (!sameContent(stored[field], mine[field])) conflicts.push({ field, base: base[field], mine: mine[field], stored: stored[field] });
  }
  return { changes, conflicts };
}

/**
 * What saving an edit did: `saved` (the user's changes written, maybe none were needed),
 * `conflict` (nothing written: the user must choose for each field), `trashed` (nothing written:
 * the record was moved to the trash elsewhere), `gone` (nothing written: it no longer exists).
 */
export type EditOutcome<T> =
  | { state: 'saved' }
  | { state: 'conflict'; conflicts: FieldConflict<T>[] }
  | { state: 'trashed' }
  | { state: 'gone' };
