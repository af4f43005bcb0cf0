import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note } from '../../src/core/model';
import { currentNoteIndex } from '../../src/core/notes';
import { newId } from '../../src/core/ids';
import { byTime } from '../../src/core/records';

const at = (...times: number[]) => times.map((t) => ({ t }));

describe('currentNoteIndex', () => {
  const notes = at(10, 20, 30, 40);

  it('is -1 before every note', () => {
    expect(currentNoteIndex(notes, 0)).toBe(-1);
    expect(currentNoteIndex(notes, 9.99)).toBe(-1);
  });

  it.each([[10, 0], [20, 1], [30, 2], [40, 3]])('hits the note at exactly %s', (t, index) => {
    expect(currentNoteIndex(notes, t)).toBe(index);
  });

  it('gives the last note before a time between notes', () => {
    expect(currentNoteIndex(notes, 15)).toBe(0);
    expect(currentNoteIndex(notes, 39.9)).toBe(2);
  });

  it('gives the last note after every note', () => {
    expect(currentNoteIndex(notes, 1000)).toBe(3);
  });

  it('is -1 for an empty list', () => {
    expect(currentNoteIndex([], 5)).toBe(-1);
  });

  it('gives the last of notes sharing a time', () => {
    expect(currentNoteIndex(at(5, 5, 5, 8), 5)).toBe(2);
  });

  it('agrees with a linear scan on random sorted lists', () => {
    const linear = (times: number[], t: number) => times.findLastIndex((time) => time <= t);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 40 }),
        fc.integer({ min: -5, max: 55 }),
        (unsorted, t) => {
          const times = [...unsorted].sort((a, b) => a - b);
          return currentNoteIndex(at(...times), t) === linear(times, t);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('byTime', () => {
  const note = (id: string, t: number, createdAt: number): Note => ({
    id,
    recordingKey: 'k',
    t,
    text: id,
    createdAt,
    updatedAt: createdAt,
  });

  it('orders by time, then by when the note was written', () => {
    const notes = [note('c', 20, 1), note('b', 10, 5), note('a', 10, 2), note('d', 0, 9)];
    expect(notes.sort(byTime).map((n) => n.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('is 0 only for the same time and creation', () => {
    expect(byTime(note('a', 3, 3), note('b', 3, 3))).toBe(0);
    expect(Math.sign(byTime(note('a', 3, 4), note('b', 3, 3)))).toBe(1);
    expect(Math.sign(byTime(note('a', 2, 9), note('b', 3, 1)))).toBe(-1);
  });
});

describe('newId', () => {
  it('gives version 4 UUIDs, all different, without crypto.randomUUID (missing outside secure contexts)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 1000 }, newId);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(ids.length);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
