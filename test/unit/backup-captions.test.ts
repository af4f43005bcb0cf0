/** Backups with notes' quotes and transcripts: the round trip, checks on import, and the merge. */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_VERSION, importSummary, makeBackup, parseBackup, type BackupData } from '../../src/core/backup';
import { MAX_CUE_CHARS, MAX_CUES, MAX_QUOTE_CHARS } from '../../src/core/captions/limits';
import type { Cue, Note, Recording, Transcript } from '../../src/core/model';
import { exportBackup, importBackup } from '../../src/db/backup';
import { db } from '../../src/db/schema';
import { emptyDatabase } from './empty-db';

const KEY = 'youtube:abc123';
const EXPORTED = new Date('2026-03-01T10:00:00.000Z');
const recording: Recording = { key: KEY, site: 'youtube', url: 'https://www.youtube.com/watch?v=abc123', title: 'Webinar', createdAt: 100, updatedAt: 300 };
const quoted: Note = {
  id: 'n1', recordingKey: KEY, t: 14, text: 'Trust levels', createdAt: 110, updatedAt: 110,
  quote: { text: 'so the moderators learn as the community grows', start: 4, end: 13.5, source: 'timedtext', lang: 'en' },
};
const cues = (n: number, from = 0): Cue[] => Array.from({ length: n }, (_, i) => ({ start: from + i * 2, end: from + i * 2 + 2, text: `line ${from + i}` }));
const transcript = (over: Partial<Transcript> = {}): Transcript => ({
  recordingKey: KEY, lang: 'en', label: 'English', source: 'track', complete: true, cues: cues(3), updatedAt: 500, ...over,
});

/** A backup holding `transcripts` (as plain JSON objects, to be broken at will) with one quoted note. */
function file(transcripts: unknown[], notes: unknown[] = [quoted]): string {
  const backup = makeBackup({ recordings: [recording], notes: notes as Note[], qa: [] }, EXPORTED);
  return JSON.stringify({ ...backup, transcripts });
}

function parsed(text: string) {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const refusal = (message: string) => ({ ok: false, message: `This backup has a problem, so nothing was imported:\n• ${message}` });

beforeEach(emptyDatabase);

describe('backup version 3', () => {
  it('round-trips notes with quotes and transcripts through an empty database, deep-equal', async () => {
    const database = db();
    const rtl = transcript({ lang: 'ar', label: 'العربية', complete: false, cues: [{ start: 1, end: 3, text: 'مرحبا بكم في الندوة', voice: 'سارة' }] });
    await database.recordings.put(recording);
    await database.notes.put(quoted);
    await database.transcripts.bulkPut([transcript(), rtl]);
    const backup = await exportBackup({});
    expect(backup.version).toBe(BACKUP_VERSION);
    expect(backup.transcripts).toHaveLength(2);
    await emptyDatabase();
    expect(await importBackup(JSON.stringify(backup))).toEqual({
      ok: true, counts: { added: 4, merged: 0, kept: 0, repaired: [] }, adjusted: [], captionFixes: [], imageProblems: [],
    });
    expect(await database.notes.toArray()).toEqual([quoted]);
    expect(await database.transcripts.orderBy('[recordingKey+lang]').toArray()).toEqual([rtl, transcript()]);
    // The recording's own backup carries its transcripts too.
    expect((await exportBackup({ recordingKey: KEY })).transcripts).toHaveLength(2);
  });

  it('still imports a version-2 file, which has no transcripts', async () => {
    const old = JSON.parse(file([])) as Record<string, unknown>;
    old.version = 2;
    delete old.transcripts;
    expect(parsed(JSON.stringify(old)).backup.transcripts).toEqual([]);
    expect(await importBackup(JSON.stringify(old))).toMatchObject({ ok: true, counts: { added: 2 } });
  });
});

describe('a note’s quote on import', () => {
  const withQuote = (quote: Record<string, unknown>) => file([], [{ ...quoted, quote: { ...quoted.quote, ...quote } }]);
  it.each<[string, Record<string, unknown>, string]>([
    ['text over the limit', { text: 'x'.repeat(MAX_QUOTE_CHARS + 1) }, 'note 1 (id n1): quote.text must be at most 4,000 characters long'],
    ['an end before its start', { start: 20, end: 10 }, "note 1 (id n1): quote is refused: The quote's time is wrong: its end (0:10) is not after its start (0:20)."],
    ['a time past 100 hours', { end: 1e9 }, 'note 1 (id n1): quote.end must be a time in seconds from 0 to 360,000 (100 hours)'],
    ['an unknown source', { source: 'network' }, 'note 1 (id n1): quote.source must be "track", "timedtext" or "screen"'],
    ['a language tag over the limit', { lang: 'e'.repeat(101) }, 'note 1 (id n1): quote.lang must be at most 100 characters long'],
    ['text that is no text', { text: 42 }, 'note 1 (id n1): quote.text must be text'],
    // The panel's rule (quoteProblem), which the import once did not ask.
    ['no words', { text: '  ' }, 'note 1 (id n1): quote is refused: A quote needs some text: drop it instead.'],
  ])('%s is refused, saying what and where', async (_case, quote, message) => {
    expect(parseBackup(withQuote(quote))).toEqual(refusal(message));
    expect(await importBackup(withQuote(quote))).toEqual({ ok: false, message: refusal(message).message });
    expect(await db().notes.count()).toBe(0);
  });

  it('keeps a quote at its limit, in any script, with markup as text', () => {
    const text = `${'ب'.repeat(MAX_QUOTE_CHARS - 9)}<b>x</b>`;
    expect(parsed(withQuote({ text })).backup.notes[0]?.quote?.text).toBe(text);
  });
});

describe('a transcript on import', () => {
  it('keeps overlapping cues, HTML in cue text and right-to-left text as they are', () => {
    const kept: Cue[] = [
      { start: 0, end: 5, text: 'the first line rolls' },
      { start: 2, end: 6, text: '<script>alert(1)</script> & <b>bold</b>', voice: '<i>Eve</i>' },
      { start: 2, end: 4, text: 'שלום לכולם' },
    ];
    const result = parsed(file([transcript({ cues: kept })]));
    expect(result.backup.transcripts[0]?.cues).toEqual(kept);
    expect(result.captionFixes).toEqual([]);
  });

  it('puts cues out of order in order, leaves out empty ones, cuts 10 kB of text, and names each fix', async () => {
    const long = 'word '.repeat(2_000);
    const text = file([transcript({
      cues: [
        { start: 10, end: 12, text: 'third' },
        { start: 0, end: 2, text: 'first' },
        { start: 3, end: 4, text: '   ' },
        { start: 5, end: 6, text: '' },
        { start: 6, end: 5, text: 'ends before it starts' },
        { start: 7, end: 8, text: long, voice: 'V'.repeat(300) },
      ],
    })]);
    const result = parsed(text);
    const stored = result.backup.transcripts[0]?.cues ?? [];
    expect(stored.map((cue) => [cue.start, cue.end])).toEqual([[0, 2], [6, 6], [7, 8], [10, 12]]);
    expect(stored[2]?.text.length).toBeLessThanOrEqual(MAX_CUE_CHARS);
    expect(stored[2]?.text.endsWith('…')).toBe(true);
    expect(stored[2]?.voice).toHaveLength(100);
    const fixes = [
      `transcript 1 (${KEY}, en): 2 cues with no words left out`,
      `transcript 1 (${KEY}, en): 1 cue cut to 2,000 characters`,
      `transcript 1 (${KEY}, en): 1 voice name cut to 100 characters`,
      `transcript 1 (${KEY}, en): 1 cue ending before it starts now ends as it starts`,
      `transcript 1 (${KEY}, en): cues put in order of time`,
    ];
    expect(result.captionFixes).toEqual(fixes);
    const imported = await importBackup(text);
    expect(imported).toMatchObject({ ok: true, captionFixes: fixes });
    expect(imported.ok && importSummary(imported.counts, imported.adjusted, imported.captionFixes)).toContain(
      `Transcripts were tidied (${fixes.join('; ')}).`,
    );
    expect((await db().transcripts.toArray())[0]?.cues).toEqual(stored);
  });

  it('imports a 10,000-cue track whole', async () => {
    expect(await importBackup(file([transcript({ cues: cues(10_000) })]))).toMatchObject({ ok: true, captionFixes: [], imageProblems: [] });
    expect((await db().transcripts.toArray())[0]?.cues).toHaveLength(10_000);
  });

  it.each<[string, Partial<Transcript> | Record<string, unknown>, string]>([
    ['more cues than a transcript holds', { cues: cues(MAX_CUES + 1) }, 'transcript 1 (lang en): cues must hold at most 20,000 cues'],
    ['a cue time that is no media time', { cues: [{ start: -1, end: 2, text: 'x' }] }, 'transcript 1 (lang en), cue 1: start must be a time in seconds from 0 to 360,000 (100 hours)'],
    ['a language tag over the limit', { lang: 'x'.repeat(101) }, `transcript 1 (lang ${'x'.repeat(79)}…): lang must be at most 100 characters long`],
    ['an unknown source', { source: 'fetch' }, 'transcript 1 (lang en): source must be "track", "timedtext" or "screen"'],
    ['no cue list', { cues: 'line 1' }, 'transcript 1 (lang en): cues must be a list'],
    ['a recording not in the file', { recordingKey: 'vimeo:9' }, 'transcript 1 (lang en): its recording (vimeo:9) is not in the file'],
  ])('%s is refused, saying what and where, and nothing is written', async (_case, over, message) => {
    const text = file([{ ...transcript(), ...over }]);
    expect(parseBackup(text)).toEqual(refusal(message));
    expect(await importBackup(text)).toEqual({ ok: false, message: refusal(message).message });
    expect(await db().transcripts.count()).toBe(0);
  });

  it('refuses two transcripts of one recording and language', () => {
    expect(parseBackup(file([transcript(), transcript({ label: 'again' })]))).toEqual(
      refusal(`transcript 2 (recording and language ["${KEY}","en"]): the same recording and language as transcript 1`),
    );
  });
});

describe('merging transcripts', () => {
  it('an import keeps the library’s complete track over the file’s seen lines, and joins two sets of lines seen', async () => {
    const database = db();
    await database.recordings.put(recording);
    const storedComplete = transcript({ lang: 'en', cues: cues(3) });
    const storedPartial = transcript({ lang: 'de', complete: false, cues: cues(2) });
    await database.transcripts.bulkPut([storedComplete, storedPartial]);
    const fromFile = [
      transcript({ lang: 'en', complete: false, cues: cues(50), updatedAt: 900 }),
      transcript({ lang: 'de', complete: false, cues: cues(5), updatedAt: 100 }),
      transcript({ lang: 'fr', complete: false, cues: cues(1) }),
    ];
    const data: BackupData = { recordings: [recording], notes: [], qa: [], transcripts: fromFile };
    const result = await importBackup(JSON.stringify(makeBackup(data, EXPORTED)));
    expect(result).toMatchObject({ ok: true, counts: { added: 1, merged: 1, kept: 2 } });
    const byLang = new Map((await database.transcripts.toArray()).map((t) => [t.lang, t]));
    expect(byLang.get('en')).toEqual(storedComplete);
    // The library's two lines (newer) where both heard, the file's lines beyond them.
    expect(byLang.get('de')?.cues).toEqual(cues(5));
    expect(byLang.get('de')?.updatedAt).toBe(500);
    expect(byLang.get('fr')).toEqual(fromFile[2]);
    // Again: nothing changes.
    expect(await importBackup(JSON.stringify(makeBackup(data, EXPORTED)))).toMatchObject({ ok: true, counts: { added: 0, merged: 0, kept: 4 } });
  });
});
