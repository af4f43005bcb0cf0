import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, importSummary, makeBackup, mergePlan, parseBackup, type Backup, type BackupData } from '../../src/core/backup';
import type { Note, QaItem, Recording } from '../../src/core/model';
import { MAX_NOTE_LENGTH } from '../../src/core/notes';
import { MAX_MEDIA_SECONDS } from '../../src/core/time';
import { exportBackup, importBackup } from '../../src/db/backup';
import { IMPORTED_KEY } from '../../src/db/auto-backup';
import { db } from '../../src/db/schema';
import { emptyDatabase } from './empty-db';

const KEY = 'https://example.com/webinar?id=1';
const OTHER = 'youtube:abc123';

const recording = (over: Partial<Recording> = {}): Recording => ({
  key: KEY, site: 'html5', url: KEY, title: 'Quarterly webinar', duration: 5400.5, createdAt: 100, updatedAt: 300, ...over,
});
const note = (over: Partial<Note> = {}): Note => ({ id: 'n1', recordingKey: KEY, t: 12, text: 'Pricing slide', createdAt: 110, updatedAt: 110, ...over });
const qa = (over: Partial<QaItem> = {}): QaItem => ({
  id: 'q1', recordingKey: KEY, question: 'Is there a free tier?', askedBy: 'Sam', t: 1800,
  answers: [{ name: 'Host', text: 'Yes.', t: 1830, end: 1840 }, { text: 'Follow-up by mail.' }], createdAt: 140, updatedAt: 140, ...over,
});
const EXPORTED = new Date('2025-03-01T10:00:00.000Z');
/** How a backup's message states the media time rule. */
const SECONDS = 'must be a time in seconds from 0 to 360,000 (100 hours)';

/** A valid backup as JSON, with `edit` applied to the plain object first. */
function file(edit: (b: Record<string, unknown> & BackupData) => void = () => {}, data?: Partial<BackupData>): string {
  const backup = makeBackup({ recordings: [recording()], notes: [note(), note({ id: 'n2', t: 30 }), note({ id: 'n3', t: 60 })], qa: [qa()], ...data }, EXPORTED);
  const plain = JSON.parse(JSON.stringify(backup)) as Record<string, unknown> & BackupData;
  edit(plain);
  return JSON.stringify(plain);
}


/** Every table, sorted by primary key, to compare databases. */
/** Every table's rows, apart from the mark an import leaves for automatic backups. */
async function snapshot() {
  const database = db();
  const rows = await Promise.all(
    // The change log numbers every write, so it differs after any round trip; the counts must not.
    database.tables.filter((t) => t.name !== 'changes').map(async (t) => [t.name, (await t.toArray()).filter((row) => !(t.name === 'settings' && row.key === IMPORTED_KEY))] as const),
  );
  return Object.fromEntries(rows);
}

beforeEach(emptyDatabase);
afterEach(() => {
  vi.restoreAllMocks();
});

/** A database that is not empty, so "unchanged" means something. */
async function seed() {
  const database = db();
  await database.recordings.bulkPut([recording({ key: OTHER, site: 'youtube', url: 'https://youtu.be/abc123' })]);
  await database.notes.bulkPut([note({ id: 'existing', recordingKey: OTHER })]);
  await database.panelDrafts.put({ panelId: 'panel-1', recordingKey: OTHER, text: 'half', t: 3, updatedAt: 1 });
}

async function expectRefused(text: string, message: string | RegExp) {
  await seed();
  const before = await snapshot();
  const result = await importBackup(text);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    if (typeof message === 'string') expect(result.message).toContain(message);
    else expect(result.message).toMatch(message);
  }
  expect(await snapshot()).toEqual(before);
}

describe('parseBackup refuses a bad file with a message, and importBackup then changes nothing', () => {
  it.each([
    ['a truncated file', file().slice(0, -25)],
    ['an empty file', ''],
    ['text that is not JSON', 'Webinar notes, 3 March\n- pricing'],
  ])('%s: cut off or not JSON', async (_case, text) => {
    await expectRefused(text, /^This file is cut off or is not JSON/);
  });

  it.each([
    [
      'a W3C Web Annotation',
      { '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', body: 'x', target: 'y' },
      'This is not a Webinar Notes backup: it looks like a W3C Web Annotation file.',
    ],
    ['a package.json', { name: 'webinar-notes', version: '0.1.0', scripts: { build: 'vite build' } }, 'it looks like an npm package.json'],
    ['an extension manifest', { manifest_version: 3, name: 'x', version: '1' }, 'it looks like a browser extension manifest'],
    ['another format', { format: 'other-notes-app', version: 1 }, 'its format is "other-notes-app"'],
    ['an object without marker', { recordings: [], notes: [], qa: [] }, `it has no "format": "${BACKUP_FORMAT}" marker`],
    ['a list', [{ id: 'n1' }], 'it is a JSON list'],
    ['a number', 42, 'it is a single JSON number'],
    ['null', null, 'it is a single JSON null'],
  ])('%s is named for what it is', async (_case, value, message) => {
    await expectRefused(JSON.stringify(value), message);
    expect(parseBackup(JSON.stringify(value))).toEqual({ ok: false, message: expect.stringMatching(/^This is not a Webinar Notes backup: .*Nothing was changed\.$/) });
  });

  it('a newer version asks for an update', async () => {
    await expectRefused(
      file((b) => (b.version = BACKUP_VERSION + 1)),
      `made by a newer version of Webinar Notes (backup version ${BACKUP_VERSION + 1}; this one reads up to ${BACKUP_VERSION}); update the extension`,
    );
  });

  it.each([['missing', undefined], ['a string', '1'], ['a fraction', 1.5], ['zero', 0]])('a version that is %s is refused', async (_case, version) => {
    await expectRefused(file((b) => (b.version = version as number)), 'no valid version number');
  });

  it.each<[string, (b: Record<string, unknown> & BackupData) => void, string]>([
    ['a negative time', (b) => ((b.notes[2] as { t: unknown }).t = -1), `note 3 (id n3): t ${SECONDS}`],
    ['a time as text', (b) => ((b.notes[0] as { t: unknown }).t = '12'), `note 1 (id n1): t ${SECONDS}`],
    ['a NaN time (null in JSON)', (b) => ((b.notes[1] as { t: unknown }).t = null), `note 2 (id n2): t ${SECONDS}`],
    ['text that is a number', (b) => ((b.notes[0] as { text: unknown }).text = 5), 'note 1 (id n1): text must be text'],
    ['a missing text', (b) => delete (b.notes[0] as { text?: unknown }).text, 'note 1 (id n1): text is missing'],
    ['an empty id', (b) => ((b.notes[1] as { id: unknown }).id = ''), 'note 2: id must not be empty'],
    ['a tag that is not text', (b) => ((b.notes[0] as { tags: unknown }).tags = ['ok', 7]), 'note 1 (id n1), tag 2: must be text'],
    ['an unknown site', (b) => ((b.recordings[0] as { site: unknown }).site = 'dailymotion'), `recording 1 (key ${KEY}): site must be "html5", "youtube" or "vimeo"`],
    ['an infinite duration', (b) => ((b.recordings[0] as { duration: unknown }).duration = Infinity), `recording 1 (key ${KEY}): duration ${SECONDS}`],
    ['a speaker without name', (b) => ((b.recordings[0] as { speakers: unknown }).speakers = [{ id: 's1', name: 'A' }, { id: 's2' }]), `recording 1 (key ${KEY}), speaker 2: name is missing`],
    ['answers that are not a list', (b) => ((b.qa[0] as { answers: unknown }).answers = 'Yes'), 'Q&A item 1 (id q1): answers must be a list'],
    ['a negative answer end', (b) => ((b.qa[0]!.answers[1] as { end: unknown }).end = -3), `Q&A item 1 (id q1), answer 2: end ${SECONDS}`],
    ['a record that is not an object', (b) => ((b.notes as unknown[])[1] = 'n2'), 'note 2: must be an object'],
    ['notes that are not a list', (b) => ((b as { notes: unknown }).notes = {}), 'notes must be a list'],
    ['a bad export date', (b) => (b.exportedAt = 'yesterday'), 'exportedAt must be an ISO date and time'],
    ['text over the maximum', (b) => (b.notes[0]!.text = 'x'.repeat(MAX_NOTE_LENGTH + 1)), 'note 1 (id n1): text must be at most 200,000 characters long'],
    ['a question over the maximum', (b) => (b.qa[0]!.question = 'x'.repeat(MAX_NOTE_LENGTH + 1)), 'Q&A item 1 (id q1): question must be at most 200,000 characters long'],
    ['a dangling note', (b) => (b.notes[2]!.recordingKey = 'vimeo:999'), 'note 3 (id n3): its recording (vimeo:999) is not in the file'],
    ['a dangling Q&A item', (b) => (b.qa[0]!.recordingKey = 'vimeo:999'), 'Q&A item 1 (id q1): its recording (vimeo:999) is not in the file'],
    ['a duplicate note id', (b) => (b.notes[2]!.id = 'n1'), 'note 3 (id n1): the same id as note 1'],
    ['a duplicate recording key', (b) => b.recordings.push({ ...b.recordings[0]! }), `recording 2 (key ${KEY}): the same key as recording 1`],
    ['a duplicate Q&A id', (b) => b.qa.push({ ...b.qa[0]!, question: 'again' }), 'Q&A item 2 (id q1): the same id as Q&A item 1'],
    // Issue 11, item 10: inconsistent records.
    [
      'a duplicate speaker id',
      (b) => (b.recordings[0]!.speakers = [{ id: 's1', name: 'Ada' }, { id: 's2', name: 'Grace' }, { id: 's1', name: 'Edsger' }]),
      `recording 1 (key ${KEY}), speaker 3 (id s1): the same id as speaker 1`,
    ],
    ['an answer ending before it starts', (b) => (b.qa[0]!.answers[0]!.end = 1820), 'Q&A item 1 (id q1), answer 1: its end (30:20) is not after its start (30:30)'],
    ['an answer ending as it starts', (b) => (b.qa[0]!.answers[0]!.end = 1830), 'Q&A item 1 (id q1), answer 1: its end (30:30) is not after its start (30:30)'],
    ['an answer with an end and no start', (b) => (b.qa[0]!.answers[1]!.end = 5), 'Q&A item 1 (id q1), answer 2: it has an end but no start'],
  ])('%s says what and where', async (_case, edit, message) => {
    const text = file(edit);
    const result = parseBackup(text);
    expect(result).toEqual({ ok: false, message: `This backup has a problem, so nothing was imported:\n• ${message}` });
    await expectRefused(text, message);
  });

  it.each<[string, (b: Record<string, unknown> & BackupData) => void, string[], (b: BackupData) => unknown, unknown]>([
    // Issue 11, item 8. Versions before the rules stored any finite time or date ≥ 0, and their
    // backups (the automatic ones too) carry it: such a value is adjusted and named, not refused.
    ['a huge time', (b) => (b.notes[0]!.t = 1e21), ['note 1 (id n1): t was past 100:00:00, now 0:00'], (b) => b.notes[0]!.t, 0],
    ['a time just past 100 hours', (b) => (b.qa[0]!.t = MAX_MEDIA_SECONDS + 0.5), ['Q&A item 1 (id q1): t was past 100:00:00, now left out'], (b) => 't' in b.qa[0]!, false],
    ['a huge answer time', (b) => (b.qa[0]!.answers[0]!.t = 1e21), ['Q&A item 1 (id q1), answer 1: t was past 100:00:00, now left out', 'Q&A item 1 (id q1), answer 1: end left out with its start'], (b) => b.qa[0]!.answers[0], { name: 'Host', text: 'Yes.' }],
    ['a huge duration', (b) => (b.recordings[0]!.duration = 1e21), [`recording 1 (key ${KEY}): duration was past 100:00:00, now left out`], (b) => b.recordings[0]!.duration, undefined],
    ['a date past the year 9999', (b) => (b.notes[1]!.createdAt = 1e17), ["note 2 (id n2): createdAt was past the year 9999, now the backup's date"], (b) => b.notes[1]!.createdAt, EXPORTED.getTime()],
    ['a huge trash date', (b) => (b.qa[0]!.deletedAt = 1e17), ["Q&A item 1 (id q1): deletedAt was past the year 9999, now the backup's date"], (b) => b.qa[0]!.deletedAt, EXPORTED.getTime()],
    ['a huge edit time', (b) => (b.recordings[0]!.updatedAt = 1e17), [`recording 1 (key ${KEY}): updatedAt was past the year 9999, now the backup's date`], (b) => b.recordings[0]!.updatedAt, EXPORTED.getTime()],
  ])('%s the old rule allowed is adjusted and named', async (_case, edit, lines, read, expected) => {
    const parsed = parseBackup(file(edit));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.adjusted).toEqual(lines);
    expect(read(parsed.backup)).toEqual(expected);
    const imported = await importBackup(file(edit));
    expect(imported).toMatchObject({ ok: true, adjusted: lines });
    const said = lines.length === 1 ? '1 time or date' : `${lines.length} times or dates`;
    expect(imported.ok && importSummary(imported.counts, imported.adjusted)).toContain(`${said} beyond what Webinar Notes keeps (100 hours, the year 9999) ${lines.length === 1 ? 'was' : 'were'} adjusted (${lines.join('; ')}).`);
  });

  it('reads back its own backup of a database that holds values from before the rules', () => {
    // A database written before the rules: makeBackup writes what is stored, and that file must import.
    const old = JSON.parse(file()) as BackupData;
    old.notes[0]!.t = 1e21;
    old.notes[1]!.updatedAt = 1e17;
    const parsed = parseBackup(JSON.stringify(makeBackup(old, EXPORTED)));
    expect(parsed).toMatchObject({ ok: true, adjusted: [expect.stringContaining('note 1 (id n1): t'), expect.stringContaining('note 2 (id n2): updatedAt')] });
  });

  it('quotes a long id whole characters at a time', () => {
    // Issue 11, item 5: a message cuts typed text only between characters as a reader sees them.
    const id = 'x' + '👩‍💻'.repeat(30);
    const result = parseBackup(file((b) => (b.notes[0]!.id = b.notes[2]!.id = id)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/• note 3 \(id x(👩‍💻)+…\): the same id as note 1$/u);
  });

  it('reads a version-1 file (no per-field times) and one of this version with them; a bad time says where', () => {
    expect(parseBackup(file((b) => (b.version = 1)))).toMatchObject({ ok: true, backup: { version: 1 } });
    const stamped = file((b) => {
      b.notes[0]!.fieldsUpdatedAt = { text: 110, t: 110 };
      b.recordings[0]!.speakers = [{ id: 's1', name: 'Ada', fieldsUpdatedAt: { name: 200 } }];
    });
    expect(parseBackup(stamped)).toMatchObject({ ok: true, backup: { notes: [{ fieldsUpdatedAt: { text: 110, t: 110 } }, {}, {}] } });
    expect(parseBackup(file((b) => ((b.notes[0] as { fieldsUpdatedAt: unknown }).fieldsUpdatedAt = { text: -5 })))).toEqual({
      ok: false,
      message: 'This backup has a problem, so nothing was imported:\n• note 1 (id n1): fieldsUpdatedAt.text must be a timestamp in milliseconds from 1970 to the year 9999',
    });
  });

  it('lists the first five problems and counts the rest', () => {
    const notes = Array.from({ length: 8 }, (_, i) => note({ id: `n${i}`, t: -i - 1 }));
    const result = parseBackup(file(() => {}, { notes }));
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.message.split('\n');
    expect(lines[0]).toBe('This backup has 8 problems, so nothing was imported:');
    expect(lines.slice(1, 6)).toEqual(notes.slice(0, 5).map((n, i) => `• note ${i + 1} (id ${n.id}): t ${SECONDS}`));
    expect(lines[6]).toBe('…and 3 more.');
    expect(lines).toHaveLength(7);
  });

  it('accepts text of exactly the maximum length and drops fields it does not know', () => {
    const result = parseBackup(file((b) => Object.assign(b.notes[0]!, { text: 'x'.repeat(MAX_NOTE_LENGTH), colour: 'red' })));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.backup.notes[0]!.text).toHaveLength(MAX_NOTE_LENGTH);
      expect(result.backup.notes[0]).not.toHaveProperty('colour');
      expect(result.backup).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: EXPORTED.toISOString() });
    }
  });
});

describe('merging', () => {
  const stored: BackupData = {
    recordings: [recording({ updatedAt: 300 })],
    notes: [note({ id: 'newer', text: 'file is newer', updatedAt: 100 }), note({ id: 'older', text: 'stored is newer', updatedAt: 500 }), note({ id: 'tie', text: 'stored', updatedAt: 200 })],
    qa: [],
  };
  const incoming = makeBackup(
    {
      recordings: [recording({ title: 'Renamed', updatedAt: 299 })],
      notes: [
        note({ id: 'newer', text: 'from file', updatedAt: 101 }),
        note({ id: 'older', text: 'from file', updatedAt: 499 }),
        note({ id: 'tie', text: 'from file', updatedAt: 200 }),
        note({ id: 'fresh', text: 'new', deletedAt: 50 }),
      ],
      qa: [qa()],
    },
    EXPORTED,
  );

  it('mergePlan puts what is new or merged, and keeps the stored record when the file adds nothing newer', () => {
    const plan = mergePlan(stored, incoming, new Set());
    expect(plan.put.recordings).toEqual([]);
    // On a tie of edit times the text that sorts last wins, the same on every device: here "stored".
    expect(plan.put.notes.map((n) => [n.id, n.text])).toEqual([['newer', 'from file'], ['fresh', 'new']]);
    expect(plan.put.qa).toEqual([qa()]);
    expect(plan.counts).toEqual({ added: 2, merged: 1, kept: 3, repaired: [] });
  });

  it('importBackup applies the same rules to the database', async () => {
    const database = db();
    await database.recordings.bulkPut(stored.recordings);
    await database.notes.bulkPut(stored.notes);
    const result = await importBackup(JSON.stringify(incoming));
    expect(result).toEqual({ ok: true, counts: { added: 2, merged: 1, kept: 3, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
    expect(await database.recordings.toArray()).toEqual(stored.recordings);
    expect(Object.fromEntries((await database.notes.toArray()).map((n) => [n.id, n.text]))).toEqual({
      newer: 'from file', older: 'stored is newer', tie: 'stored', fresh: 'new',
    });
    expect(await database.notes.get('fresh')).toEqual(note({ id: 'fresh', text: 'new', deletedAt: 50 }));
    expect(await database.qa.toArray()).toEqual([qa()]);
  });

  it('writes all or nothing: a failure after some tables are written leaves the database as it was', async () => {
    await seed();
    const before = await snapshot();
    const database = db();
    const notesPut = database.notes.bulkPut.bind(database.notes);
    const written: string[] = [];
    vi.spyOn(database.notes, 'bulkPut').mockImplementation((async (items: Note[]) => {
      await notesPut(items);
      written.push(...(await database.notes.toArray()).map((n) => n.id));
      throw new Error('disk full');
    }) as unknown as typeof database.notes.bulkPut);
    const result = await importBackup(file());
    expect(written).toEqual(expect.arrayContaining(['n1', 'n2', 'n3'])); // inside the transaction, the writes happened
    expect(result).toEqual({ ok: false, message: 'The backup could not be saved (disk full). Nothing was changed.' });
    expect(await snapshot()).toEqual(before);
    expect(await database.recordings.get(KEY)).toBeUndefined();
  });
});

describe('exportBackup', () => {
  beforeEach(async () => {
    const database = db();
    await seed();
    await database.recordings.put(recording());
    await database.notes.bulkPut([note(), note({ id: 'trashed', deletedAt: 400, updatedAt: 400 })]);
    await database.qa.bulkPut([qa(), qa({ id: 'q-other', recordingKey: OTHER })]);
    await database.settings.put({ key: 'settings', value: { leadInSeconds: 4 } });
  });

  it('one recording: it, all its notes and Q&A including the trash, nothing of other recordings, no drafts or settings', async () => {
    const backup = await exportBackup({ recordingKey: KEY });
    expect(backup).toEqual({
      format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      recordings: [recording()], notes: [note(), note({ id: 'trashed', deletedAt: 400, updatedAt: 400 })], qa: [qa()], transcripts: [],
    } satisfies Backup);
  });

  it('everything: every recording, note and Q&A item', async () => {
    const backup = await exportBackup({});
    expect(backup.recordings.map((r) => r.key).sort()).toEqual([KEY, OTHER].sort());
    expect(backup.notes.map((n) => n.id).sort()).toEqual(['existing', 'n1', 'trashed']);
    expect(backup.qa.map((q) => q.id).sort()).toEqual(['q-other', 'q1']);
    expect(Object.keys(backup).sort()).toEqual(['exportedAt', 'format', 'notes', 'qa', 'recordings', 'transcripts', 'version']);
  });

  it('a recording that is not stored gives an empty backup that still imports', async () => {
    const backup = await exportBackup({ recordingKey: 'vimeo:none' });
    expect(backup).toMatchObject({ recordings: [], notes: [], qa: [] });
    expect(parseBackup(JSON.stringify(backup)).ok).toBe(true);
  });
});

// ─── Round trip: any database survives export → import into an empty database. ───

const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const str = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: surrogate, maxLength: 3 }));
const nonEmpty = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }));
const seconds = fc.double({ min: 0, max: MAX_MEDIA_SECONDS, noNaN: true, noDefaultInfinity: true });
const stamp = fc.integer({ min: 0, max: 4_102_444_800_000 });
/** Per-field edit times, as records edited since version 2 carry them. */
const times = (fields: string[]) => fc.dictionary(fc.constantFrom(...fields), stamp, { maxKeys: 3 });
const speaker = fc.record({ id: nonEmpty, name: str, role: str, org: str, handle: str, fieldsUpdatedAt: times(['name', 'role']) }, { requiredKeys: ['id', 'name'] });
const recordingArb = fc.record(
  {
    key: nonEmpty, site: fc.constantFrom('html5' as const, 'youtube' as const, 'vimeo' as const), url: str, title: str, duration: seconds,
    details: fc.record({ title: str, date: str, description: str, organiser: str }, { requiredKeys: [] }),
    speakers: fc.uniqueArray(speaker, { selector: (s) => s.id, maxLength: 3 }), createdAt: stamp, updatedAt: stamp,
    fieldsUpdatedAt: times(['title', 'details.title', 'duration']),
  },
  { requiredKeys: ['key', 'site', 'url', 'title', 'createdAt', 'updatedAt'] },
);
const noteArb = fc.record(
  {
    id: nonEmpty, at: fc.nat(), t: seconds, text: str, speaker: fc.nat(), qaIds: fc.array(fc.nat(), { maxLength: 3 }),
    tags: fc.array(str, { maxLength: 3 }), createdAt: stamp, updatedAt: stamp, deletedAt: stamp, fieldsUpdatedAt: times(['text', 't', 'deletedAt']),
  },
  { requiredKeys: ['id', 'at', 't', 'text', 'createdAt', 'updatedAt'] },
);
/** An answer as the panel records it: an end only after a start before it. */
const answer = fc
  .record({ speakerId: nonEmpty, name: str, text: str, t: seconds, end: seconds }, { requiredKeys: ['text'] })
  .map(({ end, ...rest }) => (end !== undefined && rest.t !== undefined && end > rest.t ? { ...rest, end } : rest));
const qaArb = fc.record(
  {
    id: nonEmpty, at: fc.nat(), question: str, askedBy: str, t: seconds, answers: fc.array(answer, { maxLength: 3 }),
    createdAt: stamp, updatedAt: stamp, deletedAt: stamp, fieldsUpdatedAt: times(['question', 'answers']),
  },
  { requiredKeys: ['id', 'at', 'question', 'answers', 'createdAt', 'updatedAt'] },
);
/**
 * Notes and Q&A are filed under one of the generated recordings (`at` picks which); a note's
 * speaker and questions are ones the data has (a dangling link would be repaired on import).
 */
const databaseArb = fc
  .record({
    recordings: fc.uniqueArray(recordingArb, { selector: (r) => r.key, maxLength: 4 }),
    notes: fc.uniqueArray(noteArb, { selector: (n) => n.id, maxLength: 12 }),
    qa: fc.uniqueArray(qaArb, { selector: (q) => q.id, maxLength: 6 }),
  })
  .map(({ recordings, notes, qa }) => {
    const file = <T extends { at: number }>(items: T[]) =>
      recordings.length === 0 ? [] : items.map(({ at, ...rest }) => ({ ...rest, recordingKey: recordings[at % recordings.length]!.key }));
    const filedQa = file(qa) as QaItem[];
    const filedNotes = file(notes).map(({ speaker, qaIds, ...rest }) => {
      const speakers = recordings.find((r) => r.key === rest.recordingKey)?.speakers ?? [];
      const links = [...new Set((qaIds ?? []).flatMap((i) => (filedQa.length ? [filedQa[i % filedQa.length]!.id] : [])))];
      return {
        ...rest,
        ...(speaker !== undefined && speakers.length ? { speakerId: speakers[speaker % speakers.length]!.id } : {}),
        ...(qaIds ? { qaIds: links } : {}),
      };
    });
    return { recordings: recordings.map((r) => ({ ...r })), notes: filedNotes as Note[], qa: filedQa };
  });

async function fill(data: BackupData) {
  const database = db();
  await database.recordings.bulkPut(data.recordings);
  await database.notes.bulkPut(data.notes);
  await database.qa.bulkPut(data.qa);
}

describe('round trip (property)', () => {
  it('export everything → import into an empty database gives every table back, deep-equal', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, async (data) => {
        await emptyDatabase();
        await fill(data);
        const original = await snapshot();
        const text = JSON.stringify(await exportBackup({}));
        await emptyDatabase();
        const result = await importBackup(text);
        expect(result).toEqual({ ok: true, counts: { added: data.recordings.length + data.notes.length + data.qa.length, merged: 0, kept: 0, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
        expect(await snapshot()).toEqual(original);
        expect(original.notes).toHaveLength(data.notes.length);
      }),
      { numRuns: 25 },
    );
  });

  it('importing a database’s own backup again keeps everything and changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(databaseArb, async (data) => {
        await emptyDatabase();
        await fill(data);
        const original = await snapshot();
        const result = await importBackup(JSON.stringify(await exportBackup({})));
        expect(result).toEqual({ ok: true, counts: { added: 0, merged: 0, kept: data.recordings.length + data.notes.length + data.qa.length, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
        expect(await snapshot()).toEqual(original);
      }),
      { numRuns: 25 },
    );
  });
});

// ─── Issue 11, item 10: the inconsistencies fuzzing found, put into any valid backup. ───

const NO_SUCH_SPEAKER = 'speaker-not-in-the-file';
const NO_SUCH_QUESTION = 'question-not-in-the-file';
type Plain = ReturnType<typeof plainBackup>;
const plainBackup = (data: BackupData) => JSON.parse(JSON.stringify(makeBackup(data, EXPORTED))) as Backup;
const short = (text: string) => text.slice(0, 80);

/**
 * Refused: two speakers of a recording with one id (a note naming it could mean either person),
 * an answer whose end is not after its start (the panel never records one; no export could write
 * it). Each names the record; nothing is written.
 */
const refused = {
  'a duplicate speaker id': (b: Plain, pick: number) => {
    const i = b.recordings.findIndex((r) => (r.speakers ?? []).length > 0);
    fc.pre(i >= 0);
    const recording = b.recordings[i]!;
    const speakers = recording.speakers!;
    const twin = speakers[pick % speakers.length]!;
    speakers.push({ ...twin, name: `${twin.name} (twin)` });
    return `recording ${i + 1} (key ${short(recording.key)}), speaker ${speakers.length} (id ${short(twin.id)}): the same id as speaker ${(pick % (speakers.length - 1)) + 1}`;
  },
  'an answer ending before it starts': (b: Plain, pick: number) => {
    const i = b.qa.findIndex((q) => q.answers.length > 0);
    fc.pre(i >= 0);
    const item = b.qa[i]!;
    const j = pick % item.answers.length;
    Object.assign(item.answers[j]!, { t: 20, end: 10 });
    return `Q&A item ${i + 1} (id ${short(item.id)}), answer ${j + 1}: its end (0:10) is not after its start (0:20)`;
  },
};

/**
 * Repaired: a note's link to a speaker its recording does not have, or to a question in neither
 * the file nor the database. The database may hold either, so only the merge can tell; the link
 * is dropped and the import's summary names the note and the link.
 */
const repaired = {
  'a link to an unknown speaker': (b: Plain, pick: number) => {
    fc.pre(b.notes.length > 0 && b.recordings.every((r) => !(r.speakers ?? []).some((s) => s.id === NO_SUCH_SPEAKER)));
    const note = b.notes[pick % b.notes.length]!;
    note.speakerId = NO_SUCH_SPEAKER;
    return { id: note.id, link: `speaker ${NO_SUCH_SPEAKER}` };
  },
  'a link to an unknown question': (b: Plain, pick: number) => {
    fc.pre(b.notes.length > 0 && b.qa.every((q) => q.id !== NO_SUCH_QUESTION));
    const note = b.notes[pick % b.notes.length]!;
    note.qaIds = [...(note.qaIds ?? []), NO_SUCH_QUESTION];
    return { id: note.id, link: `question ${NO_SUCH_QUESTION}` };
  },
};

describe('inconsistent records (property)', () => {
  it.each(Object.entries(refused))('%s is refused, naming the record, and nothing is written', async (_kind, inject) => {
    await fc.assert(
      fc.asyncProperty(databaseArb, fc.nat(), async (data, pick) => {
        const backup = plainBackup(data);
        const where = inject(backup, pick);
        await emptyDatabase();
        const result = await importBackup(JSON.stringify(backup));
        expect(result).toEqual({ ok: false, message: `This backup has a problem, so nothing was imported:\n• ${where}` });
        expect(await db().recordings.count()).toBe(0);
      }),
      { numRuns: 25 },
    );
  });

  it.each(Object.entries(repaired))('%s is dropped on import, and the summary names the note and the link', async (_kind, inject) => {
    await fc.assert(
      fc.asyncProperty(databaseArb, fc.nat(), async (data, pick) => {
        const backup = plainBackup(data);
        const { id, link } = inject(backup, pick);
        await emptyDatabase();
        const result = await importBackup(JSON.stringify(backup));
        expect(result).toMatchObject({ ok: true, counts: { repaired: [`note ${short(id)}: ${link}`] } });
        const stored = await db().notes.get(id);
        expect(stored?.speakerId).not.toBe(NO_SUCH_SPEAKER);
        expect(stored?.qaIds ?? []).not.toContain(NO_SUCH_QUESTION);
      }),
      { numRuns: 25 },
    );
  });
});

describe('importBackup progress', () => {
  const many = (count: number) => Array.from({ length: count }, (_, i) => note({ id: `bulk-${i}`, t: i }));

  it('says it is checking, then counts the records written up to the total', async () => {
    const steps: unknown[] = [];
    const result = await importBackup(file(undefined, { notes: many(12_000), qa: [] }), (progress) => steps.push(progress));
    expect(result).toEqual({ ok: true, counts: { added: 12_001, merged: 0, kept: 0, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [] });
    expect(steps[0]).toEqual({ stage: 'checking' });
    const saving = steps.slice(1) as { stage: string; done: number; total: number }[];
    expect(saving.every((s) => s.stage === 'saving' && s.total === 12_001)).toBe(true);
    expect(saving.map((s) => s.done)).toEqual([...saving.map((s) => s.done)].sort((a, b) => a - b));
    expect(saving.length).toBeGreaterThan(2);
    expect(saving.at(-1)?.done).toBe(12_001);
    expect(await db().notes.count()).toBe(12_000);
  });

  it('stays all or nothing when a later step fails after earlier steps were written', async () => {
    await seed();
    const before = await snapshot();
    const database = db();
    const notesPut = database.notes.bulkPut.bind(database.notes);
    let calls = 0;
    vi.spyOn(database.notes, 'bulkPut').mockImplementation((async (items: Note[]) => {
      if (++calls === 2) throw new Error('quota exceeded');
      return notesPut(items);
    }) as unknown as typeof database.notes.bulkPut);
    const steps: unknown[] = [];
    const result = await importBackup(file(undefined, { notes: many(12_000) }), (progress) => steps.push(progress));
    expect(calls).toBe(2);
    expect(steps).toContainEqual({ stage: 'saving', done: 5001, total: 12_002 });
    expect(result).toEqual({ ok: false, message: 'The backup could not be saved (quota exceeded). Nothing was changed.' });
    expect(await snapshot()).toEqual(before);
  });
});
