import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/core/apply-changes';
import type { Note, QaItem } from '../../src/core/model';
import { byAsked, byTime, isLive, liveNotes, liveQa } from '../../src/core/records';

const HERE = 'here';
const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What listNotes reads: the [recordingKey+t] index (ties by primary key), then liveNotes. */
const readNotes = (rows: Iterable<Note>) => liveNotes([...rows].filter((n) => n.recordingKey === HERE).sort((a, b) => a.t - b.t || byId(a, b)));
/** What listQa reads: the recordingKey index (by primary key), then liveQa. */
const readQa = (rows: Iterable<QaItem>) => liveQa([...rows].filter((q) => q.recordingKey === HERE).sort(byId));

// Few ids, times and dates, so edits hit listed rows and ties are common.
const id = fc.constantFrom(...'abcdefghijkl'.split(''));
const note = fc.record({
  id,
  recordingKey: fc.constantFrom(HERE, 'elsewhere'),
  t: fc.constantFrom(0, 1.5, 3, 60),
  text: fc.string({ maxLength: 3 }),
  createdAt: fc.constantFrom(1, 2, 3),
  updatedAt: fc.constant(1),
  deletedAt: fc.option(fc.constant(5), { nil: undefined }),
}).map(({ deletedAt, ...rest }): Note => (deletedAt === undefined ? rest : { ...rest, deletedAt }));
const question = fc.record({
  id,
  recordingKey: fc.constantFrom(HERE, 'elsewhere'),
  question: fc.string({ maxLength: 3 }),
  answers: fc.constant<QaItem['answers']>([]),
  t: fc.option(fc.constantFrom(0, 7, Number.NaN), { nil: undefined }),
  createdAt: fc.constantFrom(1, 2),
  updatedAt: fc.constant(1),
  deletedAt: fc.option(fc.constant(5), { nil: undefined }),
}).map(({ deletedAt, t, ...rest }): QaItem => ({ ...rest, ...(t === undefined ? {} : { t }), ...(deletedAt === undefined ? {} : { deletedAt }) }));
/** A batch of writes: a put of a row, or a delete of an id. */
const batches = <T>(row: fc.Arbitrary<T>) => fc.array(fc.array(fc.oneof(row.map((r) => ({ put: r })), id.map((key) => ({ del: key }))), { maxLength: 5 }), { maxLength: 8 });

/** Runs the batches against a map (the store) and checks the kept list against a full read after each. */
function follow<T extends { id: string; recordingKey: string; deletedAt?: number }>(
  initial: readonly T[],
  steps: readonly (readonly ({ put: T } | { del: string })[])[],
  read: (rows: Iterable<T>) => T[],
  order: (a: T, b: T) => number,
): void {
  const store = new Map(initial.map((row) => [row.id, row]));
  let list: readonly T[] = read(store.values());
  for (const batch of steps) {
    const changed = new Map<string, T | undefined>();
    for (const write of batch) {
      if ('put' in write) store.set(write.put.id, write.put);
      else store.delete(write.del);
    }
    for (const write of batch) {
      const key = 'put' in write ? write.put.id : write.del;
      changed.set(key, store.get(key));
    }
    const before = list;
    list = applyChanges(list, changed, (row) => row.recordingKey === HERE && isLive(row), order);
    expect(list).toEqual(read(store.values()));
    // Untouched, it is the very same array: nothing downstream re-renders.
    if (!before.some((row) => changed.has(row.id)) && list.length === before.length) expect(list).toBe(before);
  }
}

describe('applyChanges: a list kept from the rows that changed', () => {
  it('equals a full read of the notes after any writes (adds, edits, moves, trash, deletes)', () => {
    fc.assert(fc.property(fc.uniqueArray(note, { selector: (n) => n.id }), batches(note), (initial, steps) => follow(initial, steps, readNotes, byTime)), { numRuns: 500 });
  });

  it('equals a full read of the questions, untimed ones last', () => {
    fc.assert(fc.property(fc.uniqueArray(question, { selector: (q) => q.id }), batches(question), (initial, steps) => follow(initial, steps, readQa, byAsked)), { numRuns: 500 });
  });

  it('hands back the same list when only another recording changed', () => {
    const list = readNotes([{ id: 'a', recordingKey: HERE, t: 1, text: '', createdAt: 1, updatedAt: 1 }]);
    const elsewhere: Note = { id: 'b', recordingKey: 'elsewhere', t: 0, text: '', createdAt: 1, updatedAt: 1 };
    expect(applyChanges(list, new Map([['b', elsewhere]]), (n) => n.recordingKey === HERE, byTime)).toBe(list);
    expect(applyChanges(list, new Map([['c', undefined]]), (n) => n.recordingKey === HERE, byTime)).toBe(list);
  });

  it('puts a note in its place without sorting the rest', () => {
    const rows = [0, 10, 20].map((t): Note => ({ id: `n${t}`, recordingKey: HERE, t, text: '', createdAt: 1, updatedAt: 1 }));
    // An order that only the insertion may consult: every comparison names the new row.
    const moved: Note = { ...(rows[0] as Note), t: 15 };
    const compared: string[] = [];
    const next = applyChanges(rows, new Map([['n0', moved]]), () => true, (a, b) => (compared.push(a.id, b.id), byTime(a, b)));
    expect(next.map((n) => n.t)).toEqual([10, 15, 20]);
    expect(compared.length).toBeLessThanOrEqual(2 * 2);
    expect(compared.filter((who) => who === 'n0').length).toBe(compared.length / 2);
  });
});
