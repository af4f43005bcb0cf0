import { UNOWNED_PANEL, type Draft, type Quote } from '../core/model';
import { newId } from '../core/ids';
import { deleteUnsavedFrames } from './images';
import { db } from './schema';
import { t as message } from '../core/i18n';

/**
 * How long a draft nobody touches is kept: a half-typed note not come back to in this time is
 * forgotten (pruned when a panel opens). Drafts are also removed when their note is saved, when
 * their text is cleared, and when the user discards one that is offered. A draft removed without
 * its note being saved takes the frames attached to it along (`Draft.noteId`).
 */
export const DRAFT_MAX_AGE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What one panel finds for a recording: its own draft, and the other panels' drafts, newest first. */
export interface RecordingDrafts {
  own: Draft | undefined;
  others: Draft[];
}

export async function loadDrafts(panelId: string, recordingKey: string): Promise<RecordingDrafts> {
  const all = await db().panelDrafts.where('recordingKey').equals(recordingKey).toArray();
  return {
    own: all.find((draft) => draft.panelId === panelId),
    others: all.filter((draft) => draft.panelId !== panelId).sort((a, b) => b.updatedAt - a.updatedAt),
  };
}

/**
 * Stores the panel's draft of a recording; `t` is the note's time in seconds (lead-in applied),
 * `quote` the quote the note will keep, if any, `noteId` the id the note will get once frames are
 * attached to it.
 * With the database open, the write and its commit are sent before this returns its promise, so a
 * call from `pagehide` still lands as the page is torn down.
 */
export async function saveDraft(panelId: string, recordingKey: string, text: string, t: number | null, quote?: Quote, noteId?: string): Promise<void> {
  checkPanelId(panelId);
  const database = db();
  if (!database.isOpen()) await database.open();
  // Plain IndexedDB with an explicit commit: Dexie commits only once the put's result is back,
  // which a page being reloaded never receives, and its last draft was lost (1 run in 3).
  const transaction = database.backendDB().transaction('panelDrafts', 'readwrite');
  const draft: Draft = { panelId, recordingKey, text, t, ...(quote ? { quote } : {}), ...(noteId ? { noteId } : {}), updatedAt: Date.now() };
  transaction.objectStore('panelDrafts').put(draft);
  transaction.commit();
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error(message('db_draftNotStored')));
  });
}

/**
 * Stores `draft` again under a new panel id that no panel owns, so every panel of its recording
 * offers it; resolves to it as stored. For a draft this panel must not overwrite (see Composer).
 */
export async function setDraftAside(draft: Draft): Promise<Draft> {
  const aside = { ...draft, panelId: newId() };
  await saveDraft(aside.panelId, aside.recordingKey, aside.text, aside.t, aside.quote, aside.noteId);
  return aside;
}

/**
 * Deletes a panel's draft of a recording, and the frames attached to it (its note was never
 * saved): those of the stored draft's `noteId`, and of `noteId` (the composer's, which may be
 * newer than the draft last written).
 */
export async function discardDraft(panelId: string, recordingKey: string, noteId?: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.panelDrafts, database.images, database.notes, async () => {
    const draft = await database.panelDrafts.get([panelId, recordingKey]);
    await database.panelDrafts.delete([panelId, recordingKey]);
    await deleteUnsavedFrames(database, [...new Set([draft?.noteId, noteId].filter((id): id is string => id !== undefined))]);
  });
}

/**
 * Makes another panel's draft (`from`) this panel's own, in one transaction, and returns it as
 * stored now (its text may have grown since it was offered), or undefined when it is gone: saved,
 * cleared or discarded meanwhile.
 */
export async function adoptDraft(panelId: string, from: Pick<Draft, 'panelId' | 'recordingKey'>): Promise<Draft | undefined> {
  checkPanelId(panelId);
  const table = db().panelDrafts;
  return db().transaction('rw', table, async () => {
    const draft = await table.get([from.panelId, from.recordingKey]);
    if (!draft) return undefined;
    await table.delete([from.panelId, from.recordingKey]);
    const adopted = { ...draft, panelId, updatedAt: Date.now() };
    await table.put(adopted);
    return adopted;
  });
}

/** Deletes drafts not written for DRAFT_MAX_AGE_DAYS, and their frames; returns how many drafts. */
export async function pruneDrafts(): Promise<number> {
  const database = db();
  const old = () => database.panelDrafts.where('updatedAt').below(Date.now() - DRAFT_MAX_AGE_DAYS * DAY_MS);
  // Most opens prune nothing: no write transaction over the images for them.
  if ((await old().count()) === 0) return 0;
  return database.transaction('rw', database.panelDrafts, database.images, database.notes, async () => {
    const drafts = await old().toArray();
    await old().delete();
    await deleteUnsavedFrames(database, drafts.flatMap((draft) => (draft.noteId ? [draft.noteId] : [])));
    return drafts.length;
  });
}

function checkPanelId(panelId: string): void {
  if (panelId === UNOWNED_PANEL) throw new Error('A draft needs the id of the panel it is typed in.');
}
