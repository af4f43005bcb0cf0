import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { UNOWNED_PANEL, type Draft, type Note, type QaItem, type Recording, type RecordingImage, type Transcript } from '../../src/core/model';
import { statsOf, type RecordingStats } from '../../src/core/recording-stats';
import { NotesDatabase, SCHEMA_HISTORY, type SettingRow } from '../../src/db/schema';

const KEY = 'https://example.com/webinar?id=1';

/** A picture's bytes as stored: WebP's header, then something. */
const webp = (size: number) => new Blob([new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]), new Uint8Array(size - 12)], { type: 'image/webp' });

/** One of every kind of record, with optional fields both present and absent. */
const SEED = {
  recordings: [
    { key: KEY, site: 'html5', url: KEY, title: 'Quarterly webinar', duration: 5400.5, createdAt: 100, updatedAt: 300 },
    { key: 'https://example.com/live', site: 'html5', url: 'https://example.com/live', title: 'Live', createdAt: 150, updatedAt: 150 },
  ] satisfies Recording[],
  notes: [
    { id: 'n1', recordingKey: KEY, t: 0, text: 'Intro — “quotes”, emoji 🎥, newline\nsecond line', createdAt: 110, updatedAt: 110 },
    { id: 'n2', recordingKey: KEY, t: 754.25, text: 'Pricing slide', createdAt: 120, updatedAt: 200 },
    {
      id: 'n4',
      recordingKey: KEY,
      t: 800,
      text: 'With what was said',
      quote: { text: 'three seats are free', start: 790, end: 801.5, source: 'track', lang: 'en' },
      createdAt: 125,
      updatedAt: 125,
    },
    { id: 'n3', recordingKey: KEY, t: 60, text: 'Trashed aside', createdAt: 130, updatedAt: 250, deletedAt: 250 },
  ] satisfies Note[],
  qa: [
    {
      id: 'q1',
      recordingKey: KEY,
      question: 'Is there a free tier?',
      askedBy: 'Sam',
      t: 1800,
      answers: [{ name: 'Host', text: 'Yes, up to 3 seats.', t: 1830 }, { text: 'Follow-up by mail.' }],
      createdAt: 140,
      updatedAt: 140,
    },
  ] satisfies QaItem[],
  // Versions 1 and 2: one draft a recording.
  drafts: [
    { recordingKey: KEY, text: 'Half-typed thought', t: 900, updatedAt: 310 },
    { recordingKey: 'https://example.com/live', text: 'Another', t: 12.5, updatedAt: 320 },
  ] satisfies Omit<Draft, 'panelId'>[],
  // Version 3 on: a draft a panel and recording.
  panelDrafts: [
    { panelId: 'tab-a', recordingKey: KEY, text: 'Typed in one tab', t: 900, updatedAt: 310 },
    { panelId: 'tab-b', recordingKey: KEY, text: 'Typed in another', t: 950, updatedAt: 330 },
  ] satisfies Draft[],
  // Version 4 on: captions as far as known, a recording and language.
  transcripts: [
    {
      recordingKey: KEY,
      lang: 'en',
      label: 'English',
      source: 'track',
      complete: true,
      cues: [{ start: 0, end: 2.5, text: 'Welcome', voice: 'Ada' }, { start: 2.5, end: 4, text: '' }],
      updatedAt: 400,
    },
    { recordingKey: KEY, lang: 'ar', source: 'screen', complete: false, cues: [{ start: 10, end: 12, text: 'مرحبا' }], updatedAt: 410 },
  ] satisfies Transcript[],
  // Version 7 on: what Empty trash deleted for good, for sync.
  tombstones: [{ kind: 'note', id: 'n0', recordingKey: KEY, deletedAt: 500 }],
  settings: [{ key: 'settings', value: { leadInSeconds: 4, pauseWhileTyping: false, openPanelOnVideo: true } }] satisfies SettingRow[],
  // Version 7 on: a frame on a note, a frame of a trashed note, a slide.
  images: [
    { id: 'i1', recordingKey: KEY, kind: 'frame', t: 754.5, noteId: 'n2', type: 'image/webp', blob: webp(4000), width: 1920, height: 1080, thumb: webp(300), thumbWidth: 240, thumbHeight: 135, bytes: 4300, createdAt: 500, updatedAt: 500 },
    { id: 'i2', recordingKey: KEY, kind: 'frame', t: 61, noteId: 'n3', type: 'image/jpeg', blob: webp(2000), width: 640, height: 360, thumb: webp(200), thumbWidth: 240, thumbHeight: 135, bytes: 2200, createdAt: 510, updatedAt: 510 },
    { id: 'i3', recordingKey: 'https://example.com/live', kind: 'slide', t: 30, type: 'image/webp', blob: webp(1000), width: 1280, height: 720, thumb: webp(100), thumbWidth: 240, thumbHeight: 135, bytes: 1100, hash: '00ff00ff00ff00ff', createdAt: 520, updatedAt: 520 },
  ] satisfies RecordingImage[],
};
type StoreName = keyof typeof SEED;

/** Stores whose rows are computed from the others (version 5 on), checked against that computation. */
const DERIVED = ['recordingStats', 'changes', 'searchIndex'];

/** Stores a later version deleted: where their records are now, in the shape they have there. */
const MOVED: Partial<Record<StoreName, { to: StoreName; as: (record: object) => object }>> = {
  drafts: { to: 'panelDrafts', as: (draft) => ({ ...draft, panelId: UNOWNED_PANEL }) },
};
/** The stores of a schema step, without the ones it deletes. */
const storesOf = (step: (typeof SCHEMA_HISTORY)[number]) => Object.keys(step.stores).filter((name) => step.stores[name] !== null);

const latest = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!;
const byKey = (a: object, b: object) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1);

describe('SCHEMA_HISTORY', () => {
  it('has strictly increasing versions', () => {
    expect(SCHEMA_HISTORY.length).toBeGreaterThan(0);
    SCHEMA_HISTORY.forEach((step, i) => {
      if (i > 0) expect(step.version).toBeGreaterThan(SCHEMA_HISTORY[i - 1]!.version);
    });
  });

  it('declares only the versions up to `upTo`, so a test can make an old database', () => {
    for (const step of SCHEMA_HISTORY) {
      const below = new NotesDatabase(`unopened-${crypto.randomUUID()}`, undefined, step.version - 1);
      const earlier = SCHEMA_HISTORY.filter((s) => s.version < step.version);
      expect(below.verno).toBe(earlier.at(-1)?.version ?? 0);
      expect(below.tables.map((t) => t.name).sort()).toEqual(earlier.length ? storesOf(earlier.at(-1)!).sort() : []);
    }
  });

  it('ends with every store the app uses', () => {
    expect(storesOf(latest).filter((store) => !DERIVED.includes(store)).sort()).toEqual(Object.keys(SEED).filter((store) => !(store in MOVED)).sort());
  });
});

describe.each(SCHEMA_HISTORY.map((step) => [step.version, step] as const))(
  'a database made at version %s',
  (version, step) => {
    it('opens with the latest schema and keeps every record', async () => {
      const name = `upgrade-from-v${version}-${crypto.randomUUID()}`;
      const stores = storesOf(step).filter((store): store is StoreName => store in SEED);

      const old = new NotesDatabase(name, undefined, version);
      await old.open();
      expect(old.verno).toBe(version);
      for (const store of stores) await old.table(store).bulkAdd(SEED[store]);
      old.close();

      const current = new NotesDatabase(name);
      await current.open();
      try {
        expect(current.verno).toBe(latest.version);
        // Every record, read back without any index, exactly as seeded (or as moved).
        for (const store of stores) {
          const moved = MOVED[store];
          expect(((await current.table(moved?.to ?? store).toArray()) as object[]).sort(byKey), store).toEqual(
            (SEED[store] as object[]).map(moved?.as ?? ((record) => record)).sort(byKey),
          );
        }
        // The indexes the app queries work on the upgraded data.
        if (stores.includes('notes')) {
          const live = await current.notes
            .where('[recordingKey+t]')
            .between([KEY, -Infinity], [KEY, Infinity])
            .filter((n) => n.deletedAt === undefined)
            .toArray();
          expect(live.map((n) => n.id)).toEqual(['n1', 'n2', 'n4']);
          expect(await current.notes.where('recordingKey').equals(KEY).count()).toBe(4);
        }
        if (stores.includes('transcripts')) {
          expect((await current.transcripts.where('recordingKey').equals(KEY).toArray()).map((t) => t.lang).sort()).toEqual(['ar', 'en']);
        }
        if (stores.includes('recordings')) {
          expect((await current.recordings.orderBy('updatedAt').last())?.key).toBe(KEY);
        }
        if (stores.includes('images')) {
          expect((await current.images.where('noteId').equals('n2').toArray()).map((image) => image.id)).toEqual(['i1']);
          expect((await current.images.where('[recordingKey+t]').between([KEY, -Infinity], [KEY, Infinity]).primaryKeys())).toEqual(['i2', 'i1']);
        }
        // Each recording's counts, computed by the upgrade or kept by the writes made at version 5.
        const images = stores.includes('images') ? SEED.images : [];
        expect((await current.recordingStats.toArray()).sort(byKey)).toEqual(
          [...statsOf({ recordings: SEED.recordings, notes: SEED.notes, qa: SEED.qa, images }).values()].sort(byKey),
        );
      } finally {
        current.close();
        await current.delete();
      }
    });
  },
);

describe('version 5', () => {
  it('counts a version 4 database: live notes, questions, the trash and tags a recording, before any note is read', async () => {
    const name = `v5-stats-${crypto.randomUUID()}`;
    const old = new NotesDatabase(name, undefined, 4);
    await old.open();
    await old.table('recordings').bulkAdd(SEED.recordings);
    await old.table('notes').bulkAdd([...SEED.notes, { id: 't', recordingKey: KEY, t: 5, text: 'tagged', tags: ['Pricing', 'pricing'], createdAt: 1, updatedAt: 900 }]);
    await old.table('qa').bulkAdd(SEED.qa);
    old.close();
    const current = new NotesDatabase(name);
    await current.open();
    try {
      expect(await current.recordingStats.get(KEY)).toEqual({
        recordingKey: KEY,
        notes: 4,
        questions: 1,
        trashed: 1,
        lastEdit: 900,
        tags: { pricing: { name: 'Pricing', notes: 1 } },
        images: 0,
        imageBytes: 0,
      });
      expect(await current.recordingStats.get('https://example.com/live')).toMatchObject({ notes: 0, questions: 0, trashed: 0, lastEdit: 150 });
      // The log starts empty: what was there before is read whole once by each reader.
      expect(await current.changes.count()).toBe(0);
    } finally {
      current.close();
    }
  });
});

describe('version 7', () => {
  it('gives a version 6 database an images table and counts no picture yet; pictures added then are counted, blobs kept', async () => {
    const name = `v7-images-${crypto.randomUUID()}`;
    const old = new NotesDatabase(name, undefined, 6);
    await old.open();
    await old.table('recordings').bulkAdd(SEED.recordings);
    await old.table('notes').bulkAdd(SEED.notes);
    await old.table('qa').bulkAdd(SEED.qa);
    // Version 6 kept its counts without pictures: the rows as its code wrote them.
    const kept = (await old.table('recordingStats').toArray()) as RecordingStats[];
    const before = kept.map(({ images: _images, imageBytes: _bytes, ...row }) => row);
    await old.table('recordingStats').bulkPut(before);
    expect(before.length).toBe(2);
    old.close();
    const current = new NotesDatabase(name);
    await current.open();
    try {
      expect(current.tables.map((t) => t.name)).toContain('images');
      // Every kept row gains the two counts, the rest as it was.
      expect((await current.recordingStats.toArray()).sort(byKey)).toEqual(before.map((row) => ({ ...row, images: 0, imageBytes: 0 })).sort(byKey));
      await current.images.bulkAdd(SEED.images);
      expect(await current.recordingStats.get(KEY)).toMatchObject({ notes: 3, trashed: 1, images: 2, imageBytes: 6500 });
      expect(await current.recordingStats.get('https://example.com/live')).toMatchObject({ images: 1, imageBytes: 1100 });
      const stored = await current.images.get('i1');
      expect(stored?.blob.size).toBe(4000);
      expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(new Uint8Array(await SEED.images[0]!.blob.arrayBuffer()));
      await current.images.where('recordingKey').equals(KEY).delete();
      expect(await current.recordingStats.get(KEY)).toMatchObject({ notes: 3, images: 0, imageBytes: 0 });
    } finally {
      current.close();
    }
  });
});

describe('version 2', () => {
  it('finds notes by Q&A item and by tag once a version 1 database is upgraded', async () => {
    const name = `v2-indexes-${crypto.randomUUID()}`;
    const old = new NotesDatabase(name, undefined, 1);
    await old.open();
    await old.table('notes').bulkAdd([
      { id: 'a', recordingKey: KEY, t: 1, text: 'old note', createdAt: 1, updatedAt: 1 },
      { id: 'b', recordingKey: KEY, t: 2, text: 'linked', qaIds: ['q1', 'q2'], tags: ['pricing'], createdAt: 2, updatedAt: 2 },
    ]);
    old.close();
    const current = new NotesDatabase(name);
    await current.open();
    try {
      expect((await current.notes.where('qaIds').equals('q2').toArray()).map((n) => n.id)).toEqual(['b']);
      expect((await current.notes.where('tags').equals('pricing').toArray()).map((n) => n.id)).toEqual(['b']);
      expect(await current.notes.count()).toBe(2);
    } finally {
      current.close();
    }
  });
});

describe('version 3', () => {
  it('gives version 2 drafts no owner: every panel of their recording is offered them, none loses them', async () => {
    const name = `v3-drafts-${crypto.randomUUID()}`;
    const old = new NotesDatabase(name, undefined, 2);
    await old.open();
    await old.table('drafts').bulkAdd(SEED.drafts);
    old.close();
    const current = new NotesDatabase(name);
    await current.open();
    try {
      expect(current.tables.map((t) => t.name)).not.toContain('drafts');
      const ofKey = await current.panelDrafts.where('recordingKey').equals(KEY).toArray();
      expect(ofKey).toEqual([{ ...SEED.drafts[0], panelId: UNOWNED_PANEL }]);
      // A panel's draft goes beside the carried-over one, not over it.
      await current.panelDrafts.put({ panelId: 'tab-a', recordingKey: KEY, text: 'new', t: 1, updatedAt: 400 });
      expect(await current.panelDrafts.where('recordingKey').equals(KEY).count()).toBe(2);
      expect(await current.panelDrafts.where('updatedAt').below(315).count()).toBe(1);
    } finally {
      current.close();
    }
  });
});
