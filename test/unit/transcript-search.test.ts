/** The library's search over transcript lines: "said at" hits beside notes, with every search rule kept. */
import { describe, expect, it } from 'vitest';
import { acceptsDoc, libraryDocs, searchLibrary, transcriptDocs, transcriptLines, type Filters, type LibraryData, type TranscriptLines } from '../../src/core/library';
import { WordIndex } from '../../src/core/word-index';
import type { Note, Recording, Transcript } from '../../src/core/model';
import { excerpt, parseQuery, type SearchDoc } from '../../src/core/search';

const rec = (key: string, extra: Partial<Recording> = {}): Recording => ({
  key, site: 'youtube', url: `https://www.youtube.com/watch?v=${key.padEnd(11, 'x')}`, title: `Title ${key}`, createdAt: 0, updatedAt: 1, ...extra,
});
const note = (id: string, recordingKey: string, t: number, text: string, extra: Partial<Note> = {}): Note => ({
  id, recordingKey, t, text, createdAt: 0, updatedAt: 1, ...extra,
});
const transcript = (recordingKey: string, lang: string, lines: [number, string, string?][]): Transcript => ({
  recordingKey, lang, source: 'timedtext', complete: true, updatedAt: 1,
  cues: lines.map(([start, text, voice]) => ({ start, end: start + 2, text, ...(voice ? { voice } : {}) })),
});

const data: LibraryData = {
  recordings: [rec('a', { speakers: [{ id: 's1', name: 'Ada Lovelace' }] }), rec('b', { site: 'vimeo' })],
  notes: [note('n1', 'a', 30, 'Sécurité first', { tags: ['security'] })],
  qa: [],
};
const transcripts = [
  transcript('a', 'en', [[754, 'Validate every form on the SERVER, always.', 'Ada Lovelace'], [760, '  '], [770, 'Sécurité is a process.']]),
  transcript('b', 'fr', [[12, 'La sécurité des formulaires côté serveur.']]),
];

const recordings = new Map(data.recordings.map((recording) => [recording.key, recording]));
const order = data.recordings.map((recording) => recording.key);

function find(query: string, filters?: Filters, limit = 100) {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(parsed.message);
  const accept = filters && ((doc: SearchDoc) => acceptsDoc(doc, recordings.get(doc.recordingKey), filters));
  const lines = transcripts.map(transcriptLines).filter((ready): ready is TranscriptLines => ready !== null);
  return searchLibrary({ words: WordIndex.build(libraryDocs(data)), transcripts: lines }, parsed.terms, accept, order, limit);
}

describe('transcriptDocs', () => {
  it('makes a line of each cue with words, at its start, with its voice', () => {
    expect(transcriptDocs(transcripts).map((doc) => [doc.kind, doc.recordingKey, doc.t, doc.voice])).toEqual([
      ['line', 'a', 754, 'Ada Lovelace'],
      ['line', 'a', 770, undefined],
      ['line', 'b', 12, undefined],
    ]);
    const ids = transcriptDocs([...transcripts, transcript('a', 'de', [[754, 'Validieren']])]).map((doc) => doc.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is empty for a library without transcripts', () => {
    expect(transcriptDocs([])).toEqual([]);
  });
});

describe('searchLibrary', () => {
  it('finds lines by every word, case and accents folded, after the notes', () => {
    expect(find('securite').hits.map((doc) => [doc.kind, doc.recordingKey, doc.t])).toEqual([
      ['note', 'a', 30],
      ['line', 'a', 770],
      ['line', 'b', 12],
    ]);
    expect(find('server validate').hits.map((doc) => [doc.kind, doc.t])).toEqual([['line', 754]]);
    expect(find('"server always"').hits).toEqual([]);
    expect(find('"server, always"').hits.map((doc) => doc.t)).toEqual([754]);
  });

  it('highlights the words in a line as in a note', () => {
    const [hit] = find('server').hits;
    expect(excerpt(hit?.text ?? '', ['server'], 240).filter((part) => part.match).map((part) => part.text)).toEqual(['SERVER']);
  });

  it('counts every match but lists at most the limit, notes first', () => {
    expect(find('securite', undefined, 2)).toMatchObject({ total: 3, hits: [{ kind: 'note' }, { kind: 'line', t: 770 }] });
  });

  it('applies the filters: site by recording, speaker by voice, tags to notes only', () => {
    expect(find('serveur', { site: 'vimeo' }).total).toBe(1);
    expect(find('server', { site: 'vimeo' }).total).toBe(0);
    expect(find('validate', { speaker: 'ada lovelace' }).total).toBe(1);
    expect(find('security', { speaker: 'Ada Lovelace' }).total).toBe(0);
    expect(find('securite', { tag: 'security' }).hits.map((doc) => doc.kind)).toEqual(['note']);
  });

  it('searches the notes alone when there is no transcript', () => {
    const words = WordIndex.build(libraryDocs(data));
    expect(searchLibrary({ words, transcripts: [] }, ['securite'], undefined, order, 10)).toMatchObject({ total: 1, hits: [{ kind: 'note' }] });
  });
});

describe('searchLibrary over several transcripts', () => {
  const many = [transcript('b', 'fr', [[5, 'serveur un'], [6, 'serveur deux']]), transcript('a', 'fr', [[9, 'serveur trois']]), transcript('a', 'en', [[1, 'serveur four']])];
  const lines = many.map(transcriptLines).filter((ready): ready is TranscriptLines => ready !== null);
  const words = WordIndex.build([]);
  it('lists lines by recording in the library’s order, then language, then time, and counts past the limit', () => {
    const all = searchLibrary({ words, transcripts: lines }, ['serveur'], undefined, ['b', 'a'], 10);
    expect(all.hits.map((doc) => doc.text)).toEqual(['serveur un', 'serveur deux', 'serveur four', 'serveur trois']);
    const cut = searchLibrary({ words, transcripts: lines }, ['serveur'], undefined, ['b', 'a'], 3);
    expect(cut).toMatchObject({ total: 4, hits: all.hits.slice(0, 3) });
  });
});
