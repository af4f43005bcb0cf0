import { MAX_NOTE_LENGTH } from '../core/notes';
import { newId } from '../core/ids';
import { isLive, liveNotes } from '../core/records';
import type { Note, Quote } from '../core/model';
import { quoteProblem } from '../core/captions/quote';
import { mergeFields, type EditOutcome } from '../core/field-merge';
import { isMediaTime, MEDIA_TIME_RULE } from '../core/time';
import { editedNote, withChanges } from '../core/field-times';
import { upsertRecording, type RecordingInfo } from './recordings';
import { db } from './schema';
import { readOnlyProblem } from '../core/sync/team';
import { t } from '../core/i18n';

export type { RecordingInfo } from './recordings';

// The trash is filtered out after reading, not with Dexie's `filter`: that walks a cursor, one
// request a record, where a plain range read is one `getAll` (10,000 notes in Chromium: `filter`
// took 1.5–2.7× as long; docs/ARCHITECTURE.md, Data).

/**
 * The recording's notes that are not in the trash, sorted by time; with `limit`, only the first
 * ones (fewer when some of those are in the trash): a screenful, read in a few milliseconds where
 * 10,000 notes take over 100.
 */
export async function listNotes(recordingKey: string, limit = Infinity): Promise<Note[]> {
  const range = db().notes.where('[recordingKey+t]').between([recordingKey, -Infinity], [recordingKey, Infinity]);
  const notes = await (limit === Infinity ? range : range.limit(limit)).toArray();
  return liveNotes(notes);
}

export async function countNotes(recordingKey: string): Promise<number> {
  return (await db().notes.where('recordingKey').equals(recordingKey).toArray()).filter(isLive).length;
}

export function checkNoteText(text: string): string | null {
  if (text.trim() === '') return t('db_noteNeedsText');
  if (text.length > MAX_NOTE_LENGTH) return t('db_noteTooLong', text.length, MAX_NOTE_LENGTH);
  return null;
}

function checkTime(t: number): void {
  if (!isMediaTime(t)) throw new RangeError(`A note's time must be ${MEDIA_TIME_RULE}, not ${t}.`);
}

/**
 * Saves a new note, records the recording it belongs to and clears the note's draft in the panel
 * `panelId` typed it in, all in one transaction: either the note is stored and its draft gone, or
 * nothing changed. Other panels' drafts of the recording are theirs and stay. `id` is the id its
 * draft promised its frames (`Draft.noteId`); a new one without. Throws, storing nothing, on a
 * text, time or `quote` (core quoteProblem) the note cannot hold, and on an `id` already taken.
 */
export async function addNote(
  recording: RecordingInfo,
  t: number,
  text: string,
  { speakerId, panelId, quote, id }: { speakerId?: string; panelId?: string; quote?: Quote; id?: string } = {},
): Promise<Note> {
  const problem = checkNoteText(text) ?? (quote ? quoteProblem(quote) : null);
  if (problem) throw new Error(problem);
  checkTime(t);
  const now = Date.now();
  const note = editedNote(undefined, {
    id: id ?? newId(),
    recordingKey: recording.key,
    t,
    text,
    ...(speakerId ? { speakerId } : {}),
    ...(quote ? { quote } : {}),
    createdAt: now,
    updatedAt: now,
  }, now);
  const database = db();
  await database.transaction('rw', database.notes, database.recordings, database.panelDrafts, async () => {
    await upsertRecording(recording);
    await database.notes.add(note);
    if (panelId === undefined) return;
    // Only the draft of this note: a newer one may already be on its way for the next note.
    const draft = await database.panelDrafts.get([panelId, recording.key]);
    if (draft?.text === text) await database.panelDrafts.delete([panelId, recording.key]);
  });
  return note;
}

/** The fields of a note its edit forms change; a note without tags has `[]`. */
export interface NoteFields {
  text: string;
  /** Seconds into the recording. */
  t: number;
  speakerId?: string | undefined;
  tags: string[];
  /** Absent when the note keeps none, or its quote was removed. */
  quote?: Quote | undefined;
}

/** The editable fields of `note`, as a form opens with them (its base). */
export function noteFields(note: Note): NoteFields {
  return { text: note.text, t: note.t, speakerId: note.speakerId, tags: note.tags ?? [], quote: note.quote };
}

/**
 * Saves an edit of a note made in a form that opened with `base` and now holds `mine` (a form
 * that shows only some fields leaves the others as they opened). Only the fields the user changed
 * are written, so another tab's edit of the other fields stays; a field changed both here and
 * elsewhere is a conflict, and then nothing is written. The check and the write are one transaction, so no other tab's write
 * can slip between them. A note trashed or deleted elsewhere is neither written nor revived.
 * Throws (changing nothing) on a text or time the note cannot hold.
 */
export async function editNote(id: string, base: NoteFields, mine: NoteFields): Promise<EditOutcome<NoteFields>> {
  const problem = checkNoteText(mine.text) ?? (mine.quote ? quoteProblem(mine.quote) : null);
  if (problem) throw new Error(problem);
  checkTime(mine.t);
  const database = db();
  return database.transaction('rw', database.notes, async (): Promise<EditOutcome<NoteFields>> => {
    const note = await database.notes.get(id);
    if (!note) return { state: 'gone' };
    const locked = readOnlyProblem(note);
    if (locked) throw new Error(locked);
    if (!isLive(note)) return { state: 'trashed' };
    const { changes, conflicts } = mergeFields(base, mine, noteFields(note));
    if (conflicts.length > 0) return { state: 'conflict', conflicts };
    // Stamped field by field: a merge (import, sync) then knows which edit of each field is newest.
    if (Object.keys(changes).length > 0) await database.notes.put(editedNote(note, withChanges(note, changes), Date.now()));
    return { state: 'saved' };
  });
}

/**
 * Applies `changes` to the stored note, stamping the fields that change; resolves to 0 when there
 * is none. Throws, changing nothing, for another person's note (core/sync/team.ts readOnlyProblem).
 */
async function stampedUpdate(id: string, changes: Partial<Note>): Promise<number> {
  const now = Date.now();
  const database = db();
  return database.transaction('rw', database.notes, async () => {
    const note = await database.notes.get(id);
    if (!note) return 0;
    const locked = readOnlyProblem(note);
    if (locked) throw new Error(locked);
    await database.notes.put(editedNote(note, withChanges(note, changes), now));
    return 1;
  });
}

/** Moves a note to the trash; `restoreNote` undoes it. */
export async function trashNote(id: string): Promise<void> {
  await stampedUpdate(id, { deletedAt: Date.now() });
}

/** Why Undo or Restore failed (the trash was emptied in the meantime), in the pages' language. */
export const goneForGood = (): Error => new Error(t('db_goneForGood'));

export async function restoreNote(id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.notes, async () => {
    const note = await database.notes.get(id);
    if (!note) throw goneForGood();
    const locked = readOnlyProblem(note);
    if (locked) throw new Error(locked);
    await database.notes.put(editedNote(note, withChanges(note, { deletedAt: undefined }), Date.now()));
  });
}
