import type { Draft } from '../core/model';
import { db } from './schema';

export async function loadDraft(recordingKey: string): Promise<Draft | undefined> {
  return db().drafts.get(recordingKey);
}

export async function saveDraft(recordingKey: string, text: string, t: number): Promise<void> {
  await db().drafts.put({ recordingKey, text, t, updatedAt: Date.now() });
}

export async function discardDraft(recordingKey: string): Promise<void> {
  await db().drafts.delete(recordingKey);
}
