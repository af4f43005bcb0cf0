import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptsDoc, libraryDocs, openUrl, orderHits, recordingPlaces, trashItems, type Filters, type LibraryData } from '../../src/core/library';
import type { SearchDoc } from '../../src/core/search';

/** What the library searches, in the order hits are shown. */
const searchDocs = (data: LibraryData, order: readonly string[]) => orderHits(libraryDocs(data), order);
const byKey = (data: LibraryData) => new Map(data.recordings.map((recording) => [recording.key, recording]));
import type { Note, QaItem, Recording } from '../../src/core/model';

const rec = (key: string, updatedAt: number, extra: Partial<Recording> = {}): Recording => ({
  key,
  site: 'youtube',
  url: `https://www.youtube.com/watch?v=${key.padEnd(11, 'x')}`,
  title: `Title ${key}`,
  createdAt: 0,
  updatedAt,
  ...extra,
});
const note = (id: string, recordingKey: string, t: number, updatedAt: number, extra: Partial<Note> = {}): Note => ({
  id,
  recordingKey,
  t,
  text: `note ${id}`,
  createdAt: 0,
  updatedAt,
  ...extra,
});
const question = (id: string, recordingKey: string, updatedAt: number, extra: Partial<QaItem> = {}): QaItem => ({
  id,
  recordingKey,
  question: `question ${id}`,
  answers: [],
  createdAt: 0,
  updatedAt,
  ...extra,
});

const data: LibraryData = {
  recordings: [
    rec('a', 10, { speakers: [{ id: 's1', name: 'Ada' }] }),
    rec('b', 20, { site: 'html5', url: 'https://example.org/talk', speakers: [{ id: 's9', name: 'ada' }, { id: 's2', name: 'Grace' }] }),
  ],
  notes: [
    note('n1', 'a', 50, 100, { speakerId: 's1', tags: ['Security'] }),
    note('n2', 'a', 5, 15),
    note('n3', 'b', 1, 30, { deletedAt: 40, tags: ['gone'] }),
    note('n4', 'orphan', 1, 999),
  ],
  qa: [question('q1', 'b', 25, { t: 7, answers: [{ name: 'Grace', text: 'yes' }] }), question('q2', 'a', 60, { deletedAt: 70 })],
};

describe('searchDocs', () => {
  it('holds live notes and questions and recordings, in the order given, each recording by time', () => {
    const docs = searchDocs(data, ['a', 'b']);
    expect(docs.map((d) => `${d.kind}:${d.id}`)).toEqual(['recording:a', 'note:n2', 'note:n1', 'recording:b', 'qa:q1', 'note:n4']);
  });
  it('lists notes and questions at one time as the recording page does: by when written, whatever their ids', () => {
    const sameTime: LibraryData = {
      recordings: [rec('a', 1)],
      notes: [note('n-z', 'a', 9, 1, { createdAt: 2 }), note('n-y', 'a', 9, 1, { createdAt: 1 })],
      qa: [question('q-z', 'a', 1, { t: 9, createdAt: 2 }), question('q-y', 'a', 1, { t: 9, createdAt: 1 }), question('q-x', 'a', 1, { createdAt: 0 })],
    };
    expect(searchDocs(sameTime, ['a']).map((d) => d.id)).toEqual(['a', 'n-y', 'n-z', 'q-y', 'q-z', 'q-x']);
  });
  it('searches a question with its answers, and a recording with its details', () => {
    const withDetails: LibraryData = { ...data, recordings: [rec('c', 1, { details: { title: 'Better title', description: 'About forms' } })] };
    expect(searchDocs(withDetails, ['c'])[0]?.text).toBe('Title c\nBetter title\nAbout forms');
    expect(searchDocs(data, ['a', 'b']).find((d) => d.id === 'q1')?.text).toBe('question q1\nyes');
  });
});

describe('acceptsDoc: the filters', () => {
  const recordings = byKey(data);
  const docs = searchDocs(data, ['a', 'b']);
  const passing = (filters: Filters) => docs.filter((d) => acceptsDoc(d, recordings.get(d.recordingKey), filters)).map((d) => d.id);

  it('site', () => expect(passing({ site: 'html5' })).toEqual(['b', 'q1']));
  it('tag: only notes carrying it, in any case', () => expect(passing({ tag: 'security' })).toEqual(['n1']));
  it('speaker: notes by that speaker, answers by them, recordings they speak in', () => {
    expect(passing({ speaker: 'ADA' })).toEqual(['a', 'n1', 'b']);
    expect(passing({ speaker: 'Grace' })).toEqual(['b', 'q1']);
  });
});

describe('trashItems', () => {
  it('lists trashed notes and questions, newest deletion first, with their recording', () => {
    const items = trashItems(data, byKey(data));
    expect(items.map((i) => [i.kind, i.item.id, i.recording?.key])).toEqual([
      ['qa', 'q2', 'a'],
      ['note', 'n3', 'b'],
    ]);
  });
});

describe('openUrl', () => {
  it('opens the page at a moment, or as stored, and nothing that is not a web page', () => {
    expect(openUrl(rec('a', 0, { url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A' }), 754)).toBe('https://www.youtube.com/watch?v=Wb1nQ9rLk2A&t=754s');
    expect(openUrl({ site: 'html5', url: 'https://example.org/talk' })).toBe('https://example.org/talk');
    expect(openUrl({ site: 'html5', url: 'https://example.org/talk' }, 65)).toBe('https://example.org/talk#t=65');
    expect(openUrl({ site: 'html5', url: 'file:///talks/local.mp4' }, 65)).toBeNull();
    expect(openUrl({ site: 'html5', url: 'javascript:alert(1)' })).toBeNull();
    expect(openUrl({ site: 'html5', url: 'https://example.org/a_(b)' })).toBe('https://example.org/a%5F%28b%29');
    expect(openUrl({ site: 'youtube', url: 'https://example.org/not-youtube' }, 3)).toBeNull();
  });
});

describe('recordingPlaces', () => {
  it('places a recording where the list first names it, and every unlisted one after the list', () => {
    const placeOf = recordingPlaces(['c', 'a', 'c']);
    expect(['c', 'a', 'x', 'b'].map(placeOf)).toEqual([0, 1, 3, 3]);
  });
});

describe('orderHits', () => {
  const doc = fc.record({
    kind: fc.constantFrom<SearchDoc['kind']>('recording', 'note', 'qa'),
    id: fc.constantFrom('1', '2', '3'),
    recordingKey: fc.constantFrom('a', 'b', 'c', 'x'),
    text: fc.constant(''),
    t: fc.option(fc.constantFrom(0, 5, 9), { nil: undefined }),
    createdAt: fc.option(fc.nat(3), { nil: undefined }),
  });
  it('shows listed recordings in their order and the rest after them, and cuts at the limit without changing what comes first', () => {
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 40 }), fc.nat(45), (hits, limit) => {
        const all = orderHits(hits as SearchDoc[], ['c', 'a']);
        expect(orderHits(hits as SearchDoc[], ['c', 'a'], limit)).toEqual(all.slice(0, limit));
        const place = (d: SearchDoc) => ({ c: 0, a: 1 }[d.recordingKey] ?? 2);
        all.forEach((d, i) => i > 0 && expect(place(all[i - 1] as SearchDoc)).toBeLessThanOrEqual(place(d)));
      }),
      { numRuns: 300 },
    );
  });
});
