import 'fake-indexeddb/auto';
import { translator } from '../../src/core/i18n';
import { describe, expect, it, vi } from 'vitest';
import { MAX_NOTE_LENGTH } from '../../src/core/notes';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { adoptDraft, DRAFT_MAX_AGE_DAYS, discardDraft, loadDrafts, pruneDrafts, saveDraft, setDraftAside } from '../../src/db/drafts';
import { addNote, countNotes, listNotes, restoreNote, trashNote, editNote, noteFields, type RecordingInfo } from '../../src/db/notes';
import { db } from '../../src/db/schema';
import { useEmptyDatabaseAndClock } from './empty-db';
import { loadSettings, saveSettings } from '../../src/db/settings';

const talk: RecordingInfo = { key: 'https://example.com/talk', site: 'html5', url: 'https://example.com/talk', title: 'Talk', duration: 3600 };
const other: RecordingInfo = { ...talk, key: 'https://example.com/other', url: 'https://example.com/other', title: 'Other' };

const clock = useEmptyDatabaseAndClock();

/** Two panels on one recording: say, a tab with an embed of a video and a tab with its watch page. */
const TAB_A = 'panel-a';
const TAB_B = 'panel-b';
const ownDraft = async (panelId: string, recordingKey: string) => (await loadDrafts(panelId, recordingKey)).own;

/** Everything in the database, to show that a refused call changed nothing. */
async function snapshot() {
  const database = db();
  return Object.fromEntries(await Promise.all(database.tables.map(async (t) => [t.name, await t.toArray()])));
}

describe('addNote', () => {
  it('stores the note, creates the recording and deletes the draft of that note', async () => {
    await saveDraft(TAB_A, talk.key, 'First point', 12);
    clock.now = 2_000;
    const note = await addNote(talk, 12, 'First point', { panelId: TAB_A });

    expect(note).toMatchObject({ recordingKey: talk.key, t: 12, text: 'First point', createdAt: 2_000, updatedAt: 2_000 });
    expect(await db().notes.get(note.id)).toEqual(note);
    const stamped = { site: 2_000, url: 2_000, title: 2_000, duration: 2_000 };
    expect(await db().recordings.get(talk.key)).toEqual({ ...talk, createdAt: 2_000, updatedAt: 2_000, fieldsUpdatedAt: stamped });
    expect(await ownDraft(TAB_A, talk.key)).toBeUndefined();
  });

  it('keeps a draft whose text is not the note being saved (the next note, already typed)', async () => {
    await saveDraft(TAB_A, talk.key, 'Next point, being typed', 30);
    await addNote(talk, 12, 'First point', { panelId: TAB_A });
    expect(await ownDraft(TAB_A, talk.key)).toMatchObject({ text: 'Next point, being typed', t: 30 });
  });

  it("deletes only the saving panel's draft: another tab's draft of the same text stays", async () => {
    await saveDraft(TAB_A, talk.key, 'Same words', 12);
    await saveDraft(TAB_B, talk.key, 'Same words', 40);
    await addNote(talk, 12, 'Same words', { panelId: TAB_A });
    expect(await ownDraft(TAB_A, talk.key)).toBeUndefined();
    expect(await ownDraft(TAB_B, talk.key)).toMatchObject({ text: 'Same words', t: 40 });
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
    await saveDraft(TAB_A, talk.key, text, 4);
    const before = await snapshot();
    await expect(addNote(talk, t, text, { panelId: TAB_A })).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('rolls the recording and the draft back when storing the note fails', async () => {
    const first = await addNote(other, 1, 'first');
    await saveDraft(TAB_A, talk.key, 'clash', 2);
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
    await expect(restoreNote('missing')).rejects.toThrow(translator('en').t('db_goneForGood'));
    expect(await db().notes.count()).toBe(0);
  });
});

describe('editNote', () => {
  it('changes text and time and stamps updatedAt and the time of each field changed', async () => {
    const note = await addNote(talk, 7, 'draft wording');
    clock.now = 4_000;
    const first = { ...noteFields(note), text: 'final wording' };
    expect(await editNote(note.id, noteFields(note), first)).toEqual({ state: 'saved' });
    clock.now = 5_000;
    expect(await editNote(note.id, first, { ...first, t: 9.5 })).toEqual({ state: 'saved' });
    expect(await db().notes.get(note.id)).toEqual({
      ...note, text: 'final wording', t: 9.5, updatedAt: 5_000, fieldsUpdatedAt: { text: 4_000, t: 5_000 },
    });
  });

  it('a stale form that only added a tag keeps the text another tab saved meanwhile', async () => {
    const note = await addNote(talk, 7, 'original');
    const opened = noteFields(note);
    // Tab A and tab B opened the editor; A saves new text first.
    await editNote(note.id, opened, { ...opened, text: 'from tab A' });
    expect(await editNote(note.id, opened, { ...opened, tags: ['security'] })).toEqual({ state: 'saved' });
    expect(await db().notes.get(note.id)).toMatchObject({ text: 'from tab A', tags: ['security'] });
  });

  it('writes nothing when both tabs changed the text, and hands back both versions', async () => {
    const note = await addNote(talk, 7, 'original', { speakerId: 's1' });
    const opened = noteFields(note);
    await editNote(note.id, opened, { ...opened, text: 'from tab A' });
    const stored = await db().notes.get(note.id);
    expect(await editNote(note.id, opened, { ...opened, text: 'from tab B', speakerId: undefined })).toEqual({
      state: 'conflict',
      conflicts: [{ field: 'text', base: 'original', mine: 'from tab B', stored: 'from tab A' }],
    });
    expect(await db().notes.get(note.id)).toEqual(stored);
    // Keeping mine: the form takes the stored text as its new base and saves again.
    expect(await editNote(note.id, { ...opened, text: 'from tab A' }, { ...opened, text: 'from tab B', speakerId: undefined })).toEqual({
      state: 'saved',
    });
    const kept = await db().notes.get(note.id);
    expect(kept?.text).toBe('from tab B');
    expect(kept && 'speakerId' in kept).toBe(false);
  });

  it('neither revives nor writes a note trashed or deleted while its form was open', async () => {
    const note = await addNote(talk, 7, 'original');
    await trashNote(note.id);
    const trashed = await db().notes.get(note.id);
    expect(await editNote(note.id, noteFields(note), { ...noteFields(note), text: 'edited' })).toEqual({ state: 'trashed' });
    expect(await db().notes.get(note.id)).toEqual(trashed);
    await db().notes.delete(note.id);
    expect(await editNote(note.id, noteFields(note), { ...noteFields(note), text: 'edited' })).toEqual({ state: 'gone' });
    expect(await db().notes.count()).toBe(0);
  });

  it.each([
    [{ text: '  ' }],
    [{ text: 'x'.repeat(MAX_NOTE_LENGTH + 1) }],
    [{ t: -1 }],
    [{ t: NaN }],
  ])('refuses %j and leaves the note as it was', async (changes) => {
    const note = await addNote(talk, 7, 'text');
    await expect(editNote(note.id, noteFields(note), { ...noteFields(note), ...changes })).rejects.toThrow();
    expect(await db().notes.get(note.id)).toEqual(note);
  });
});

describe('drafts', () => {
  it('save, load, replace and discard', async () => {
    expect(await loadDrafts(TAB_A, talk.key)).toEqual({ own: undefined, others: [] });
    await saveDraft(TAB_A, talk.key, 'half a', 3);
    clock.now = 2_000;
    await saveDraft(TAB_A, talk.key, 'half a thought', 3);
    await saveDraft(TAB_A, other.key, 'other', 8);
    expect(await loadDrafts(TAB_A, talk.key)).toEqual({
      own: { panelId: TAB_A, recordingKey: talk.key, text: 'half a thought', t: 3, updatedAt: 2_000 },
      others: [],
    });

    await discardDraft(TAB_A, talk.key);
    expect(await ownDraft(TAB_A, talk.key)).toBeUndefined();
    expect(await ownDraft(TAB_A, other.key)).toMatchObject({ text: 'other' });
  });

  it('two panels on one recording keep a draft each; each is offered the other, not given it', async () => {
    await saveDraft(TAB_A, talk.key, 'typed in A', 3);
    clock.now = 2_000;
    await saveDraft(TAB_B, talk.key, 'typed in B', 9);
    clock.now = 3_000;
    await saveDraft('panel-c', talk.key, 'typed in C', 12);

    expect(await loadDrafts(TAB_A, talk.key)).toEqual({
      own: expect.objectContaining({ text: 'typed in A', t: 3 }),
      others: [expect.objectContaining({ panelId: 'panel-c' }), expect.objectContaining({ panelId: TAB_B })],
    });
    expect((await loadDrafts(TAB_B, talk.key)).own).toMatchObject({ text: 'typed in B', t: 9 });
    // A panel that never typed on this recording (a new tab) owns nothing and is offered all.
    expect((await loadDrafts('panel-new', talk.key)).others.map((d) => d.text)).toEqual(['typed in C', 'typed in B', 'typed in A']);
  });

  it('a panel adopts an offered draft as it is stored now, and the other panel no longer has it', async () => {
    await saveDraft(TAB_B, talk.key, 'typed in B', 9);
    const [offered] = (await loadDrafts(TAB_A, talk.key)).others;
    // B typed on after A was offered the draft.
    await saveDraft(TAB_B, talk.key, 'typed in B, and more', 9);
    clock.now = 5_000;
    expect(await adoptDraft(TAB_A, offered!)).toEqual({ panelId: TAB_A, recordingKey: talk.key, text: 'typed in B, and more', t: 9, updatedAt: 5_000 });
    expect(await loadDrafts(TAB_A, talk.key)).toEqual({ own: expect.objectContaining({ text: 'typed in B, and more' }), others: [] });
    expect((await loadDrafts(TAB_B, talk.key)).own).toBeUndefined();
  });

  it('adopting a draft that is gone meanwhile returns nothing and changes nothing', async () => {
    await saveDraft(TAB_B, talk.key, 'typed in B', 9);
    const [offered] = (await loadDrafts(TAB_A, talk.key)).others;
    await discardDraft(TAB_B, talk.key);
    const before = await snapshot();
    expect(await adoptDraft(TAB_A, offered!)).toBeUndefined();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a draft with no panel, changing nothing', async () => {
    const before = await snapshot();
    await expect(saveDraft('', talk.key, 'no owner', 1)).rejects.toThrow('the id of the panel');
    expect(await snapshot()).toEqual(before);
  });

  it(`prunes drafts not written for ${DRAFT_MAX_AGE_DAYS} days, and only those`, async () => {
    const day = 24 * 60 * 60 * 1000;
    clock.now = 1_000 * day;
    await saveDraft(TAB_A, talk.key, 'old', 1);
    clock.now += 2 * day;
    await saveDraft(TAB_B, talk.key, 'recent', 2);
    clock.now = (1_000 + DRAFT_MAX_AGE_DAYS - 1) * day;
    expect(await pruneDrafts()).toBe(0);
    clock.now = (1_000 + DRAFT_MAX_AGE_DAYS + 0.5) * day;
    expect(await pruneDrafts()).toBe(1);
    expect((await loadDrafts(TAB_A, talk.key)).others.map((d) => d.text)).toEqual(['recent']);
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

describe('a note’s quote', () => {
  const quote = { text: 'Caching starts in the browser.', start: 10, end: 14, source: 'track' as const, lang: 'en' };

  it('is stored with the note, and an edit trims it or removes it, stamping the field', async () => {
    const note = await addNote(talk, 12, 'With a quote', { quote });
    expect((await db().notes.get(note.id))?.quote).toEqual(quote);
    clock.now = 3_000;
    const trimmed = { ...noteFields(note), quote: { ...quote, text: 'in the browser.' } };
    expect(await editNote(note.id, noteFields(note), trimmed)).toEqual({ state: 'saved' });
    expect(await db().notes.get(note.id)).toMatchObject({ quote: { ...quote, text: 'in the browser.' }, fieldsUpdatedAt: { quote: 3_000 } });
    expect(await editNote(note.id, trimmed, { ...trimmed, quote: undefined })).toEqual({ state: 'saved' });
    expect((await db().notes.get(note.id))?.quote).toBeUndefined();
  });

  it('past the limits, is refused with a message and nothing is stored', async () => {
    const before = await snapshot();
    await expect(addNote(talk, 12, 'Too long', { quote: { ...quote, text: 'x'.repeat(4_001) } })).rejects.toThrow(/at most 4,000/);
    await expect(addNote(talk, 12, 'Backwards', { quote: { ...quote, start: 20, end: 10 } })).rejects.toThrow(/time is wrong/);
    expect(await snapshot()).toEqual(before);
  });

  it('is kept in the draft, and set aside with it', async () => {
    await saveDraft(TAB_A, talk.key, 'Half', 12, quote);
    const own = await ownDraft(TAB_A, talk.key);
    expect(own?.quote).toEqual(quote);
    const aside = await setDraftAside(own!);
    expect((await loadDrafts(TAB_B, talk.key)).others.find((draft) => draft.panelId === aside.panelId)?.quote).toEqual(quote);
  });
});
