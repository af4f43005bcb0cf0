import { describe, expect, it } from 'vitest';
import type { Note, QaItem, Recording } from '../../src/core/model';
import { statsOf } from '../../src/core/recording-stats';
import { passesFilters, shelfFrom, shelfView, withChanged, type Shelf } from '../../src/core/shelf';

const rec = (key: string, updatedAt: number, extra: Partial<Recording> = {}): Recording => ({
  key,
  site: 'youtube',
  url: `https://www.youtube.com/watch?v=${key.padEnd(11, 'x')}`,
  title: `Title ${key}`,
  createdAt: 0,
  updatedAt,
  ...extra,
});
const note = (id: string, recordingKey: string, updatedAt: number, extra: Partial<Note> = {}): Note => ({ id, recordingKey, t: 1, text: id, createdAt: 0, updatedAt, ...extra });
const question = (id: string, recordingKey: string, updatedAt: number, extra: Partial<QaItem> = {}): QaItem => ({
  id,
  recordingKey,
  question: id,
  answers: [],
  createdAt: 0,
  updatedAt,
  ...extra,
});

const recordings = [
  rec('a', 10, { speakers: [{ id: 's1', name: 'Ada' }] }),
  rec('b', 20, { site: 'html5', url: 'https://example.org/talk', speakers: [{ id: 's9', name: 'ada ' }, { id: 's2', name: 'Grace' }] }),
  rec('c', 5),
];
const notes = [
  note('n1', 'a', 100, { tags: ['Security'] }),
  note('n2', 'a', 15),
  note('n3', 'b', 30, { deletedAt: 40, tags: ['gone'] }),
  note('n4', 'orphan', 999, { deletedAt: 999, tags: ['Orphaned'] }),
];
const qa = [question('q1', 'b', 25), question('q2', 'a', 60, { deletedAt: 70 })];
/** The stats rows as the database keeps them: the counting rule's own (core/recording-stats.ts). */
const shelf: Shelf = shelfFrom(recordings, [...statsOf({ recordings, notes, qa }).values()]);

describe('shelfView', () => {
  const view = shelfView(shelf);
  it('lists the stored recordings with their live counts, the most recently edited first', () => {
    expect(view.summaries.map((s) => [s.recording.key, s.notes, s.questions, s.lastEdit])).toEqual([
      ['a', 2, 0, 100],
      ['b', 0, 1, 30],
      ['c', 0, 0, 5],
    ]);
    expect([...view.recordings.keys()]).toEqual(['a', 'b', 'c']);
  });
  it('makes the menus: sites in use, speakers once regardless of case, tags of live notes only', () => {
    expect(view.sites).toEqual(['html5', 'youtube']);
    expect(view.speakers).toEqual(['Ada', 'Grace']);
    expect(view.tags).toEqual(['Security']);
  });
  it('counts the trash, notes of a recording no longer stored included', () => {
    expect(view.trashed).toBe(3);
  });
  it('lists a recording whose stats row is not there yet with nothing counted', () => {
    const bare = shelfView(shelfFrom([rec('new', 7)], []));
    expect(bare.summaries.map((s) => [s.notes, s.questions, s.lastEdit])).toEqual([[0, 0, 7]]);
    expect(bare.trashed).toBe(0);
  });
});

describe('passesFilters', () => {
  const passing = (filters: Parameters<typeof passesFilters>[1]) => shelfView(shelf).summaries.filter((s) => passesFilters(s, filters)).map((s) => s.recording.key);
  it('site, speaker (any case, spaces aside) and tag (any case), all of those set', () => {
    expect(passing({})).toEqual(['a', 'b', 'c']);
    expect(passing({ site: 'html5' })).toEqual(['b']);
    expect(passing({ speaker: 'ADA' })).toEqual(['a', 'b']);
    expect(passing({ speaker: 'grace', site: 'youtube' })).toEqual([]);
    expect(passing({ tag: 'SECURITY' })).toEqual(['a']);
  });
  it('a tag of a trashed note does not count', () => {
    expect(passing({ tag: 'gone' })).toEqual([]);
  });
});

describe('withChanged', () => {
  it('replaces the rows read again, drops those gone and keeps the others, leaving the old shelf as it was', () => {
    const moreNotes = [...notes, note('n5', 'c', 200, { tags: ['new'] })];
    const stats = statsOf({ recordings, notes: moreNotes, qa });
    const next = withChanged(shelf, new Map([['b', undefined]]), new Map([['c', stats.get('c')], ['b', undefined]]));
    const view = shelfView(next);
    expect(view.summaries.map((s) => [s.recording.key, s.notes, s.lastEdit])).toEqual([
      ['c', 1, 200],
      ['a', 2, 100],
    ]);
    expect(view.tags).toEqual(['new', 'Security']);
    expect(view.trashed).toBe(2);
    expect(shelfView(shelf).summaries).toHaveLength(3);
  });
});
