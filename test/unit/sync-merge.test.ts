import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Note, QaItem, Recording } from '../../src/core/model';
import type { ImageFacts } from '../../src/core/backup';
import { mergeSyncData, type SyncData } from '../../src/core/sync/merge';
import type { Tombstone } from '../../src/core/sync/tombstones';

const KEY = 'youtube:Wb1nQ9rLk2A';
const recording = (over: Partial<Recording> = {}): Recording => ({
  key: KEY, site: 'youtube', url: 'https://youtu.be/Wb1nQ9rLk2A', title: 'Accessible forms', createdAt: 100, updatedAt: 100, fieldsUpdatedAt: { title: 100, site: 100, url: 100 }, ...over,
});
const note = (over: Partial<Note> = {}): Note => ({
  id: 'n1', recordingKey: KEY, t: 12, text: 'Labels', createdAt: 100, updatedAt: 100, fieldsUpdatedAt: { t: 100, text: 100 }, ...over,
});
const data = (over: Partial<SyncData> = {}): SyncData => ({ recordingKey: KEY, notes: [], qa: [], transcripts: [], images: [], tombstones: [], ...over });
const tomb = (id: string, deletedAt: number, kind: Tombstone['kind'] = 'note'): Tombstone => ({ kind, id, recordingKey: KEY, deletedAt });

// ─── Arbitraries: two devices' copies of a few records, each edited field by field at its own times. ───

const IDS = ['n1', 'n2', 'n3', 'n4'];
const time = fc.integer({ min: 101, max: 400 });
/** One device's copy of note `id`: some fields edited at some times, maybe trashed. */
const noteCopy = (id: string) =>
  fc.record({
    text: fc.option(fc.tuple(fc.constantFrom('a', 'b', 'c'), time), { nil: undefined }),
    t: fc.option(fc.tuple(fc.integer({ min: 0, max: 50 }), time), { nil: undefined }),
    trashed: fc.option(time, { nil: undefined }),
  }).map(({ text, t, trashed }): Note => {
    const times: Record<string, number> = { text: text?.[1] ?? 100, t: t?.[1] ?? 100 };
    if (trashed !== undefined) times.deletedAt = trashed;
    const updatedAt = Math.max(...Object.values(times));
    return {
      id, recordingKey: KEY, createdAt: 100, updatedAt, text: text?.[0] ?? 'base', t: t?.[0] ?? 0, fieldsUpdatedAt: times,
      ...(trashed !== undefined ? { deletedAt: trashed } : {}),
    };
  });
const questionCopy = (id: string) =>
  fc.tuple(fc.constantFrom('Why?', 'How?'), time).map(([question, at]): QaItem => ({
    id, recordingKey: KEY, question, answers: [], createdAt: 100, updatedAt: at, fieldsUpdatedAt: { question: at, answers: 100 },
  }));
const PICTURES = ['p1', 'p2', 'p3'];
/** One device's copy of picture `id`'s facts: put back (Undo) at some time, or not. */
const pictureCopy = (id: string) =>
  time.map((at): ImageFacts => ({
    id, recordingKey: KEY, kind: 'slide', t: 5, type: 'image/webp', width: 1280, height: 720, thumbType: 'image/webp', thumbWidth: 240, thumbHeight: 135,
    createdAt: 100, updatedAt: at,
  }));
const side = fc.record({
  notes: fc.subarray(IDS).chain((ids) => fc.tuple(...ids.map(noteCopy))),
  qa: fc.subarray(['q1', 'q2']).chain((ids) => fc.tuple(...ids.map(questionCopy))),
  images: fc.subarray(PICTURES).chain((ids) => fc.tuple(...ids.map(pictureCopy))),
  tombstones: fc.subarray(IDS).chain((ids) => fc.tuple(...ids.map((id) => time.map((at) => tomb(id, at))))),
  imageTombstones: fc.subarray(PICTURES).chain((ids) => fc.tuple(...ids.map((id) => time.map((at) => tomb(id, at, 'image'))))),
  title: fc.option(fc.tuple(fc.constantFrom('T1', 'T2'), time), { nil: undefined }),
}).map(({ notes, qa, images, tombstones, imageTombstones, title }): SyncData =>
  data({
    recording: recording(title ? { title: title[0], updatedAt: title[1], fieldsUpdatedAt: { title: title[1], site: 100, url: 100 } } : {}),
    notes, qa, images, tombstones: [...tombstones, ...imageTombstones],
  }),
);

const lastEdit = (n: Note) => Math.max(n.updatedAt, ...Object.values(n.fieldsUpdatedAt ?? {}));

describe('merging two copies of a recording file', () => {
  it('is commutative: either device merging the other gets the same records', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        expect(mergeSyncData(a, b)).toEqual(mergeSyncData(b, a));
      }),
    );
  });

  it('is idempotent: merging the result with either side, or itself, changes nothing', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        const m = mergeSyncData(a, b);
        expect(mergeSyncData(m, m)).toEqual(m);
        expect(mergeSyncData(m, a)).toEqual(m);
        expect(mergeSyncData(b, m)).toEqual(m);
      }),
    );
  });

  it('keeps the union of the records: each one that no tombstone buries is there', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        const m = mergeSyncData(a, b);
        const deadAt = new Map([...a.tombstones, ...b.tombstones].map((t) => [t.id, -Infinity] as const));
        for (const t of [...a.tombstones, ...b.tombstones]) deadAt.set(t.id, Math.max(deadAt.get(t.id)!, t.deletedAt));
        for (const n of [...a.notes, ...b.notes]) {
          const kept = m.notes.some((x) => x.id === n.id);
          const newest = Math.max(...[...a.notes, ...b.notes].filter((x) => x.id === n.id).map(lastEdit));
          expect(kept).toBe(newest > (deadAt.get(n.id) ?? -Infinity));
        }
        expect(new Set(m.qa.map((q) => q.id))).toEqual(new Set([...a.qa, ...b.qa].map((q) => q.id)));
        // A picture stays unless deleted after its latest put-back, and then takes that copy.
        for (const id of new Set([...a.images, ...b.images].map((i) => i.id))) {
          const newest = Math.max(...[...a.images, ...b.images].filter((i) => i.id === id).map((i) => i.updatedAt));
          const deleted = Math.max(-Infinity, ...[...a.tombstones, ...b.tombstones].filter((t) => t.kind === 'image' && t.id === id).map((t) => t.deletedAt));
          expect(m.images.find((i) => i.id === id)?.updatedAt).toBe(newest > deleted ? newest : undefined);
        }
        expect(new Set(m.tombstones.map((t) => t.id))).toEqual(new Set([...a.tombstones, ...b.tombstones].map((t) => t.id)));
      }),
    );
  });

  it('each field takes its newest edit, whichever side has it', () => {
    fc.assert(
      fc.property(side, side, (a, b) => {
        const m = mergeSyncData(a, b);
        for (const merged of m.notes) {
          const copies = [...a.notes, ...b.notes].filter((x) => x.id === merged.id);
          const newestText = Math.max(...copies.map((c) => c.fieldsUpdatedAt!.text!));
          expect(copies.filter((c) => c.fieldsUpdatedAt!.text === newestText).map((c) => c.text)).toContain(merged.text);
        }
      }),
    );
  });

  it('a tombstone wins over older edits; an edit newer than the purge brings the note back', () => {
    const purged = data({ tombstones: [tomb('n1', 300)] });
    expect(mergeSyncData(data({ notes: [note({ updatedAt: 200, fieldsUpdatedAt: { t: 100, text: 200 }, deletedAt: 250 })] }), purged).notes).toEqual([]);
    const editedLater = note({ text: 'Edited after the purge', updatedAt: 350, fieldsUpdatedAt: { t: 100, text: 350 } });
    const merged = mergeSyncData(purged, data({ notes: [editedLater] }));
    expect(merged.notes).toEqual([editedLater]);
    expect(merged.tombstones).toEqual([tomb('n1', 300)]);
  });

  it('a question purged is gone by its own kind: a note with the same id is not', () => {
    const kept = note({ id: 'x' });
    expect(mergeSyncData(data({ notes: [kept] }), data({ tombstones: [tomb('x', 999, 'qa')] })).notes).toEqual([kept]);
  });

  it('the recording merges by field: details from one side, title from the other', () => {
    const a = data({ recording: recording({ details: { title: 'Forms' }, updatedAt: 200, fieldsUpdatedAt: { title: 100, 'details.title': 200 } }) });
    const b = data({ recording: recording({ title: 'Accessible forms (live)', updatedAt: 300, fieldsUpdatedAt: { title: 300 } }) });
    expect(mergeSyncData(a, b).recording).toMatchObject({ title: 'Accessible forms (live)', details: { title: 'Forms' } });
  });
});
