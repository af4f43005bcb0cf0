import type { QaAnswer, QaItem } from '../core/model';
import { newId } from '../core/ids';
import { isLive, liveQa } from '../core/records';
import { isMediaTime, MEDIA_TIME_RULE, spanProblem } from '../core/time';
import { editedNote, editedQaItem, withChanges } from '../core/field-times';
import { upsertRecording, type RecordingInfo } from './recordings';
import { db } from './schema';
import { goneForGood } from './notes';
import { t } from '../core/i18n';
import { readOnlyProblem } from '../core/sync/team';

export async function listQa(recordingKey: string): Promise<QaItem[]> {
  // Filtered after reading: see listNotes.
  const items = await db().qa.where('recordingKey').equals(recordingKey).toArray();
  return liveQa(items);
}

export interface NewQuestion {
  question: string;
  askedBy?: string;
  t?: number;
  answers?: QaAnswer[];
}

function checkQuestion(question: NewQuestion): void {
  if (question.question.trim() === '') throw new Error(t('db_questionNeedsText'));
  if (question.t !== undefined && !isMediaTime(question.t)) {
    throw new RangeError(`A question’s time must be ${MEDIA_TIME_RULE}.`);
  }
  question.answers?.forEach(checkAnswer);
}

function checkAnswer(answer: QaAnswer): void {
  const problem = spanProblem(answer.t, answer.end);
  if (problem) throw new RangeError(t('db_answerNotSaved', problem));
}

/** Adds questions (one typed, or many pasted) in one transaction: all of them or none. */
export async function addQuestions(recording: RecordingInfo, questions: readonly NewQuestion[]): Promise<QaItem[]> {
  questions.forEach(checkQuestion);
  const now = Date.now();
  const items: QaItem[] = questions.map((q, i) => editedQaItem(undefined, {
    id: newId(),
    recordingKey: recording.key,
    question: q.question.trim(),
    ...(q.askedBy?.trim() ? { askedBy: q.askedBy.trim() } : {}),
    ...(q.t !== undefined ? { t: q.t } : {}),
    answers: q.answers ?? [],
    // Distinct creation times keep a pasted list in its order.
    createdAt: now + i,
    updatedAt: now + i,
  }, now + i));
  const database = db();
  await database.transaction('rw', database.qa, database.recordings, async () => {
    await upsertRecording(recording);
    await database.qa.bulkAdd(items);
  });
  return items;
}

/** What adding an answer did: `saved`, or nothing written because the question is in the trash or gone. */
export type AnswerOutcome = 'saved' | 'trashed' | 'gone';

/**
 * Adds an answer to a question, appended to the answers stored now rather than to those the form
 * saw: two tabs answering the same question both keep their answer. A question trashed or
 * deleted meanwhile is neither written nor revived.
 */
export async function addAnswer(id: string, answer: QaAnswer): Promise<{ state: AnswerOutcome }> {
  if (answer.text.trim() === '') throw new Error(t('db_answerNeedsText'));
  checkAnswer(answer);
  const database = db();
  return database.transaction('rw', database.qa, async (): Promise<{ state: AnswerOutcome }> => {
    const item = await database.qa.get(id);
    if (!item) return { state: 'gone' };
    const locked = readOnlyProblem(item);
    if (locked) throw new Error(locked);
    if (!isLive(item)) return { state: 'trashed' };
    await database.qa.put(editedQaItem(item, withChanges(item, { answers: [...item.answers, answer] }), Date.now()));
    return { state: 'saved' };
  });
}

/**
 * Applies `changes` to the stored Q&A item, stamping the fields that change; resolves to 0 when
 * there is none. Throws, changing nothing, for another person's question (readOnlyProblem).
 */
async function editQaItem(id: string, changes: Partial<QaItem>): Promise<number> {
  const now = Date.now();
  const database = db();
  return database.transaction('rw', database.qa, async () => {
    const item = await database.qa.get(id);
    if (!item) return 0;
    const locked = readOnlyProblem(item);
    if (locked) throw new Error(locked);
    await database.qa.put(editedQaItem(item, withChanges(item, changes), now));
    return 1;
  });
}

/**
 * Moves a question to the trash. Its notes keep their links (nothing shows a link to a trashed
 * question), so restoring it, from the panel's Undo or the library's trash, brings them back too.
 */
export async function trashQuestion(id: string): Promise<void> {
  const updated = await editQaItem(id, { deletedAt: Date.now() });
  if (updated === 0) throw new Error(t('db_questionGone'));
}

export async function restoreQuestion(id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.qa, async () => {
    const item = await database.qa.get(id);
    if (!item) throw goneForGood();
    const locked = readOnlyProblem(item);
    if (locked) throw new Error(locked);
    await database.qa.put(editedQaItem(item, withChanges(item, { deletedAt: undefined }), Date.now()));
  });
}

/** Links or unlinks a note and a Q&A item; the item finds its notes through the notes' index. */
export async function setNoteLink(noteId: string, qaId: string, linked: boolean): Promise<void> {
  const database = db();
  await database.transaction('rw', database.notes, async () => {
    const note = await database.notes.get(noteId);
    if (!note) throw new Error(t('db_noteGone'));
    const locked = readOnlyProblem(note);
    if (locked) throw new Error(locked);
    const ids = new Set(note.qaIds ?? []);
    if (linked) ids.add(qaId);
    else ids.delete(qaId);
    await database.notes.put(editedNote(note, { ...note, qaIds: [...ids] }, Date.now()));
  });
}
