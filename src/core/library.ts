/**
 * What the library's search and trash show, computed from the notes and questions: the search
 * documents, the filters on them, and the trash's items. (The list of recordings and its menus
 * come from the kept counts alone: core/shelf.ts.) Pure, so it is tested without a browser.
 */
import type { Note, QaItem, Recording, SiteId, Transcript } from './model';
import type { SearchDoc, SearchIndex } from './search';
import { linkAt } from './links';
import { exportUrl } from './web-url';
import { hasTag } from './tags';
import { isLive, liveNotes, liveQa } from './records';

export interface LibraryData {
  recordings: Recording[];
  notes: Note[];
  qa: QaItem[];
}

export interface Filters {
  site?: SiteId;
  /** A speaker's name; matched without regard to case. */
  speaker?: string;
  tag?: string;
}

export type TrashItem =
  | { kind: 'note'; item: Note; recording: Recording | undefined }
  | { kind: 'qa'; item: QaItem; recording: Recording | undefined };

/** A person's name as compared: without regard to case or surrounding spaces. */
export const foldName = (name: string) => name.trim().toLocaleLowerCase();
const fold = foldName;

/**
 * The search documents: live notes and questions, and each recording's title and details. In the
 * order hits are shown: recordings as `order` lists them (most recently edited first), each one's
 * title, then its notes and questions by time. Sorted once here, so a search needs no sort.
 */
export function searchDocs(data: LibraryData, order: readonly string[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const recording of data.recordings) {
    const { title, description } = recording.details ?? {};
    const parts = [recording.title];
    if (title && title !== recording.title) parts.push(title);
    if (description) parts.push(description);
    docs.push({ kind: 'recording', id: recording.key, recordingKey: recording.key, text: parts.join('\n') });
  }
  // In the lists' own order (records.ts); the sort below is stable, so notes and questions at one time keep it.
  for (const note of liveNotes(data.notes)) docs.push({ kind: 'note', id: note.id, recordingKey: note.recordingKey, text: note.text, t: note.t });
  for (const item of liveQa(data.qa)) {
    const text = [item.question, ...item.answers.map((answer) => answer.text)].join('\n');
    docs.push({ kind: 'qa', id: item.id, recordingKey: item.recordingKey, text, ...(item.t !== undefined ? { t: item.t } : {}) });
  }
  const rank = new Map(order.map((key, i) => [key, i]));
  const at = (doc: SearchDoc) => (doc.kind === 'recording' ? -1 : (doc.t ?? Infinity));
  return docs.sort(
    (a, b) => (rank.get(a.recordingKey) ?? Infinity) - (rank.get(b.recordingKey) ?? Infinity) || a.recordingKey.localeCompare(b.recordingKey) || at(a) - at(b),
  );
}

/**
 * The search documents of the transcripts' lines: one per cue with words, at its start. Kept apart
 * from `searchDocs` so a change of notes does not normalise every line again (and a library with
 * no transcripts builds nothing more); in the order of recording key, language and time.
 */
export function transcriptDocs(transcripts: readonly Transcript[]): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const ordered = [...transcripts].sort((a, b) => a.recordingKey.localeCompare(b.recordingKey) || a.lang.localeCompare(b.lang));
  for (const transcript of ordered) {
    transcript.cues.forEach((cue, i) => {
      if (cue.text.trim() === '') return;
      const doc: SearchDoc = { kind: 'line', id: `${transcript.recordingKey}\n${transcript.lang}\n${i}`, recordingKey: transcript.recordingKey, text: cue.text, t: cue.start };
      if (cue.voice) doc.voice = cue.voice;
      docs.push(doc);
    });
  }
  return docs;
}

/**
 * A search of the library: the hits among notes, questions and titles first (what the user wrote),
 * then among transcript lines, at most `limit` in all; `total` counts every match of both.
 */
export function searchLibrary(
  indexes: { docs: SearchIndex; lines: SearchIndex | null },
  terms: readonly string[],
  accept: ((doc: SearchDoc) => boolean) | undefined,
  limit: number,
): { hits: SearchDoc[]; total: number } {
  const own = indexes.docs.search(terms, accept, limit);
  if (!indexes.lines) return own;
  const said = indexes.lines.search(terms, accept, limit - own.hits.length);
  return { hits: [...own.hits, ...said.hits], total: own.total + said.total };
}

/** Lookups the filters need, built once per data change. */
export class LibraryIndex {
  readonly recordings = new Map<string, Recording>();
  readonly notes = new Map<string, Note>();
  readonly qa = new Map<string, QaItem>();

  constructor(data: LibraryData) {
    for (const recording of data.recordings) this.recordings.set(recording.key, recording);
    for (const note of data.notes) this.notes.set(note.id, note);
    for (const item of data.qa) this.qa.set(item.id, item);
  }

  private speakerIds(recordingKey: string, name: string): Set<string> {
    const speakers = this.recordings.get(recordingKey)?.speakers ?? [];
    return new Set(speakers.filter((speaker) => fold(speaker.name) === fold(name)).map((speaker) => speaker.id));
  }

  /** Whether a search document passes the filters (all of those set). */
  accepts(doc: SearchDoc, filters: Filters): boolean {
    const recording = this.recordings.get(doc.recordingKey);
    if (filters.site && recording?.site !== filters.site) return false;
    if (filters.tag) {
      const note = doc.kind === 'note' ? this.notes.get(doc.id) : undefined;
      if (!note || !hasTag(note, filters.tag)) return false;
    }
    if (filters.speaker) {
      // A line is the speaker's when its voice tag names them.
      if (doc.kind === 'line') return fold(doc.voice ?? '') === fold(filters.speaker);
      const ids = this.speakerIds(doc.recordingKey, filters.speaker);
      if (doc.kind === 'recording') return ids.size > 0;
      if (doc.kind === 'note') return ids.has(this.notes.get(doc.id)?.speakerId ?? '');
      const answers = this.qa.get(doc.id)?.answers ?? [];
      return answers.some((answer) => ids.has(answer.speakerId ?? '') || fold(answer.name ?? '') === fold(filters.speaker ?? ''));
    }
    return true;
  }
}

/** Trashed notes and questions, most recently deleted first (live ones given are left out). */
export function trashItems(data: { notes: readonly Note[]; qa: readonly QaItem[] }, recordings: ReadonlyMap<string, Recording>): TrashItem[] {
  const items: TrashItem[] = [
    ...data.notes.filter((note) => !isLive(note)).map((item) => ({ kind: 'note' as const, item, recording: recordings.get(item.recordingKey) })),
    ...data.qa.filter((qa) => !isLive(qa)).map((item) => ({ kind: 'qa' as const, item, recording: recordings.get(item.recordingKey) })),
  ];
  return items.sort((a, b) => (b.item.deletedAt ?? 0) - (a.item.deletedAt ?? 0));
}

/** Where "open" goes: the recording's page at `t` seconds, or as stored; null when that is not a web page. */
export function openUrl(recording: Pick<Recording, 'site' | 'url'>, t?: number): string | null {
  return t === undefined ? exportUrl(recording.url) : linkAt(recording, t);
}
