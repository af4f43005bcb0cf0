import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { MAX_NOTE_LENGTH } from '../../src/core/notes';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { discardDraft, loadDraft, saveDraft } from '../../src/db/drafts';
import { addNote, countNotes, GONE_FOR_GOOD, listNotes, restoreNote, trashNote, updateNote, type RecordingInfo } from '../../src/db/notes';
import { db } from '../../src/db/schema';
import { useEmptyDatabaseAndClock } from './empty-db';
import { loadSettings, saveSettings } from '../../src/db/settings';

const talk: RecordingInfo = { key: 'https://example.com/talk', site: 'html5', url: 'https://example.com/talk', title: 'Talk', duration: 3600 };
const other: RecordingInfo = { ...talk, key: 'https://example.com/other', url: 'https://example.com/other', title: 'Other' };

const clock = useEmptyDatabaseAndClock();

/** Everything in the database, to show that a refused call changed nothing. */
async function snapshot() {
  const database = db();
  return Object.fromEntries(await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()])));
}

describe('addNote', () => {
  it('stores the note, creates the recording and deletes the draft of that note', async () => {
    await saveDraft(talk.key, 'First point', 12);
    clock.now = 2_000;
    const note = await addNote(talk, 12, 'First point');

    expect(note).toMatchObject({ recordingKey: talk.key, t: 12, text: 'First point', createdAt: 2_000, updatedAt: 2_000 });
    expect(await db().notes.get(note.id)).toEqual(note);
    const stamped = { site: 2_000, url: 2_000, title: 2_000, duration: 2_000 };
    expect(await db().recordings.get(talk.key)).toEqual({ ...talk, createdAt: 2_000, updatedAt: 2_000, fieldsUpdatedAt: stamped });
    expect(await loadDraft(talk.key)).toBeUndefined();
  });

  it('keeps a draft whose text is not the note being saved (the next note, already typed)', async () => {
    await saveDraft(talk.key, 'Next point, being typed', 30);
    await addNote(talk, 12, 'First point');
    expect(await loadDraft(talk.key)).toMatchObject({ text: 'Next point, being typed', t: 30 });
  });

  it('updates the recording row, keeping its creation time and a known title; only the field that changed is stamped', async () => {
    await addNote(talk, 1, 'a');
    clock.now = 5_000;
    await addNote({ ...talk, title: '', url: 'https://example.com/talk?moved=1' }, 2, 'b');
    expect(await db().recordings.get(talk.key)).toEqual({
      ...talk,
      url: 'https://example.com/talk?moved=1',
      createdAt: 1_000,
      updatedAt: 5_000,
      fieldsUpdatedAt: { site: 1_000, title: 1_000, duration: 1_000, url: 5_000 },
    });
  });

  it('keeps a known duration when the next note comes without one', async () => {
    await addNote(talk, 1, 'a');
    const { duration: _unknown, ...withoutDuration } = talk;
    await addNote(withoutDuration, 2, 'b');
    expect((await db().recordings.get(talk.key))?.duration).toBe(3600);
  });

  it('keeps a known duration when the next note says duration: undefined', async () => {
    await addNote(talk, 10, 'first');
    await addNote({ ...talk, duration: undefined }, 20, 'second');
    expect((await db().recordings.get(talk.key))?.duration).toBe(3600);
  });

  it('names a recording without title after its URL', async () => {
    const { duration: _unknown, ...live } = { ...talk, title: '' };
    await addNote(live, 1, 'a');
    expect(await db().recordings.get(talk.key)).toEqual({
      ...live, title: talk.url, createdAt: 1_000, updatedAt: 1_000, fieldsUpdatedAt: { site: 1_000, url: 1_000, title: 1_000 },
    });
  });

  it('accepts text of exactly the maximum length', async () => {
    const note = await addNote(talk, 0, 'x'.repeat(MAX_NOTE_LENGTH));
    expect((await db().notes.get(note.id))?.text).toHaveLength(MAX_NOTE_LENGTH);
  });

  it.each([
    ['empty text', 0, ''],
    ['blank text', 0, ' \n\t '],
    ['text over the maximum', 0, 'x'.repeat(MAX_NOTE_LENGTH + 1)],
    ['a negative time', -0.5, 'text'],
    ['a NaN time', NaN, 'text'],
    ['an infinite time', Infinity, 'text'],
  ])('refuses %s and changes nothing', async (_case, t, text) => {
    await addNote(other, 3, 'existing');
    await saveDraft(talk.key, text, 4);
    const before = await snapshot();
    await expect(addNote(talk, t, text)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('rolls the recording and the draft back when storing the note fails', async () => {
    const first = await addNote(other, 1, 'first');
    await saveDraft(talk.key, 'clash', 2);
    const before = await snapshot();
    // The next id drawn is the first note's: the note cannot be stored.
    const clash = Uint8Array.from(first.id.replace(/-/g, '').match(/../g) ?? [], (hex) => parseInt(hex, 16));
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      (array as unknown as Uint8Array).set(clash);
      return array;
    });
    await expect(addNote(talk, 2, 'clash')).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });
});

describe('listNotes and countNotes', () => {
  it('list only the recording’s notes that are not in the trash, by time then creation', async () => {
    const late = await addNote(talk, 50, 'late');
    clock.now = 2_000;
    const earlyB = await addNote(talk, 5, 'early, written second');
    clock.now = 1_500;
    const earlyA = await addNote(talk, 5, 'early, written first');
    const gone = await addNote(talk, 20, 'trashed');
    await addNote(other, 10, 'elsewhere');
    await trashNote(gone.id);

    expect((await listNotes(talk.key)).map((n) => n.id)).toEqual([earlyA.id, earlyB.id, late.id]);
    expect(await countNotes(talk.key)).toBe(3);
    expect(await countNotes(other.key)).toBe(1);
    expect(await listNotes('https://example.com/none')).toEqual([]);
    expect(await countNotes('https://example.com/none')).toBe(0);
  });
});

describe('trashNote and restoreNote', () => {
  it('round-trip a note back to what it was, apart from updatedAt and the time of the trash field', async () => {
    const note = await addNote(talk, 7, 'keep me');
    clock.now = 2_000;
    await trashNote(note.id);
    expect(await db().notes.get(note.id)).toEqual({
      ...note, deletedAt: 2_000, updatedAt: 2_000, fieldsUpdatedAt: { ...note.fieldsUpdatedAt, deletedAt: 2_000 },
    });
    expect(await listNotes(talk.key)).toEqual([]);

    clock.now = 3_000;
    await restoreNote(note.id);
    const restored = await db().notes.get(note.id);
    expect(restored).toEqual({ ...note, updatedAt: 3_000, fieldsUpdatedAt: { ...note.fieldsUpdatedAt, deletedAt: 3_000 } });
    expect(restored).not.toHaveProperty('deletedAt');
    expect(await listNotes(talk.key)).toEqual([restored]);
  });

  it('restoring a note that does not exist says so and creates nothing', async () => {
    await expect(restoreNote('missing')).rejects.toThrow(GONE_FOR_GOOD);
    expect(await db().notes.count()).toBe(0);
  });
});

describe('updateNote', () => {
  it('changes text and time and stamps updatedAt and the time of each field changed', async () => {
    const note = await addNote(talk, 7, 'draft wording');
    clock.now = 4_000;
    await updateNote(note.id, { text: 'final wording' });
    clock.now = 5_000;
    await updateNote(note.id, { t: 9.5, text: 'final wording' });
    expect(await db().notes.get(note.id)).toEqual({
      ...note, text: 'final wording', t: 9.5, updatedAt: 5_000, fieldsUpdatedAt: { text: 4_000, t: 5_000 },
    });
  });

  it.each([
    [{ text: '  ' }],
    [{ text: 'x'.repeat(MAX_NOTE_LENGTH + 1) }],
    [{ t: -1 }],
    [{ t: NaN }],
  ])('refuses %j and leaves the note as it was', async (changes) => {
    const note = await addNote(talk, 7, 'text');
    await expect(updateNote(note.id, changes)).rejects.toThrow();
    expect(await db().notes.get(note.id)).toEqual(note);
  });

  it('says when the note no longer exists', async () => {
    await expect(updateNote('missing', { text: 'x' })).rejects.toThrow('no longer exists');
  });
});

describe('drafts', () => {
  it('save, load, replace and discard', async () => {
    expect(await loadDraft(talk.key)).toBeUndefined();
    await saveDraft(talk.key, 'half a', 3);
    clock.now = 2_000;
    await saveDraft(talk.key, 'half a thought', 3);
    await saveDraft(other.key, 'other', 8);
    expect(await loadDraft(talk.key)).toEqual({ recordingKey: talk.key, text: 'half a thought', t: 3, updatedAt: 2_000 });

    await discardDraft(talk.key);
    expect(await loadDraft(talk.key)).toBeUndefined();
    expect(await loadDraft(other.key)).toMatchObject({ text: 'other' });
  });
});

describe('settings', () => {
  it('load the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('save merges changes into what is stored', async () => {
    expect(await saveSettings({ leadInSeconds: 5 })).toEqual({ ...DEFAULT_SETTINGS, leadInSeconds: 5 });
    expect(await saveSettings({ pauseWhileTyping: false })).toEqual({
      ...DEFAULT_SETTINGS,
      leadInSeconds: 5,
      pauseWhileTyping: false,
    });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, leadInSeconds: 5, pauseWhileTyping: false });
  });

  it('save replaces an invalid change by the default and keeps the rest', async () => {
    await saveSettings({ openPanelOnVideo: false });
    expect(await saveSettings({ leadInSeconds: 999 })).toEqual({ ...DEFAULT_SETTINGS, openPanelOnVideo: false });
  });

  it('load repairs a malformed stored row', async () => {
    await db().settings.put({ key: 'settings', value: { leadInSeconds: 'soon', openPanelOnVideo: false } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, openPanelOnVideo: false });
  });
});
