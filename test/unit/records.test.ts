import { describe, expect, it } from 'vitest';
import type { Note, QaItem } from '../../src/core/model';
import { isLive, liveNotes, liveQa } from '../../src/core/records';

const note = (id: string, t: number, createdAt: number, deletedAt?: number): Note => ({
  id, recordingKey: 'k', t, text: id, createdAt, updatedAt: createdAt, ...(deletedAt !== undefined ? { deletedAt } : {}),
});
const question = (id: string, t: number | undefined, createdAt: number): QaItem => ({
  id, recordingKey: 'k', question: id, answers: [], createdAt, updatedAt: createdAt, ...(t !== undefined ? { t } : {}),
});

describe('records: live and in order', () => {
  it('counts a record as live until it has a trash date', () => {
    expect(isLive({})).toBe(true);
    expect(isLive({ deletedAt: 0 })).toBe(false);
  });
  it('lists live notes by time, then by when written', () => {
    expect(liveNotes([note('late', 5, 2), note('trashed', 1, 1, 9), note('early', 5, 1), note('first', 0, 9)]).map((n) => n.id)).toEqual(['first', 'early', 'late']);
  });
  it('lists questions by time asked, then those with no usable time in the order added', () => {
    // A time that is not finite (a hand-edited backup) sorts as untimed, in one consistent place.
    const items = [question('none-2', undefined, 4), question('nan', Number.NaN, 3), question('at-9', 9, 5), question('none-1', undefined, 1), question('at-1', 1, 6)];
    expect(liveQa(items).map((q) => q.id)).toEqual(['at-1', 'at-9', 'none-1', 'nan', 'none-2']);
  });
});
