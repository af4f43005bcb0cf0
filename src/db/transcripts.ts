import type { Transcript } from '../core/model';
import { mergeTranscripts } from '../core/captions/transcript-merge';
import { db } from './schema';

/** The stored transcripts of a recording, one a language. */
export async function loadTranscripts(recordingKey: string): Promise<Transcript[]> {
  return db().transcripts.where('recordingKey').equals(recordingKey).toArray();
}

/**
 * Keeps what was heard of a track over what is stored of it (core `mergeTranscripts`), read and
 * written in one transaction, so two panels of one video (the frame and the side panel) never
 * write over each other's lines.
 */
export async function storeHeard(heard: Transcript): Promise<void> {
  const database = db();
  await database.transaction('rw', database.transcripts, async () => {
    const stored = await database.transcripts.get([heard.recordingKey, heard.lang]);
    await database.transcripts.put(mergeTranscripts(stored, heard));
  });
}

/** Deletes every stored transcript (the settings' *Delete all transcripts*); resolves to how many. */
export async function deleteAllTranscripts(): Promise<number> {
  const database = db();
  return database.transaction('rw', database.transcripts, async () => {
    const count = await database.transcripts.count();
    await database.transcripts.clear();
    return count;
  });
}
