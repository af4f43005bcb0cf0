/**
 * Reading the stored transcripts (schema version 4's `transcripts` store) for the library: a
 * recording's own, for its page and its WebVTT download, and all of them, for search. Writes
 * belong to the panel (transcripts.ts).
 */
import type { Transcript } from '../core/model';
import { db } from './schema';

/** The transcripts of one recording, one per language, in order of language tag. */
export async function listTranscripts(recordingKey: string): Promise<Transcript[]> {
  return db().transcripts.where('recordingKey').equals(recordingKey).sortBy('lang');
}

