import type { Recording, Speaker, WebinarDetails } from '../core/model';
import { newId } from '../core/notes';
import { editedRecording } from '../core/field-times';
import { db } from './schema';

export type RecordingInfo = Pick<Recording, 'key' | 'site' | 'url' | 'title' | 'duration'>;

/**
 * Writes the recording row for `info`, keeping what is stored: fields the caller left undefined
 * (a duration known earlier, say), webinar details and speakers. Fields that change get their edit
 * time (src/core/record-merge.ts). Call inside a transaction that includes `recordings`.
 */
export async function upsertRecording(info: RecordingInfo, changes: Partial<Recording> = {}): Promise<Recording> {
  const recordings = db().recordings;
  const now = Date.now();
  const existing = await recordings.get(info.key);
  if (!info.key) throw new Error('A recording needs a key.');
  // A duration that is not a real length (NaN, Infinity from a live stream) is left out: a backup
  // would carry it as null and refuse to restore.
  const usable = Object.entries(info).filter(
    ([name, value]) => value !== undefined && !(name === 'duration' && !(Number.isFinite(value) && (value as number) >= 0)),
  );
  const known = Object.fromEntries(usable) as RecordingInfo;
  const next: Recording = {
    ...existing,
    ...known,
    ...changes,
    title: info.title || existing?.title || info.url,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const row = editedRecording(existing, next, now);
  await recordings.put(row);
  return row;
}

export async function getRecording(key: string): Promise<Recording | undefined> {
  return db().recordings.get(key);
}

export async function saveDetails(info: RecordingInfo, details: WebinarDetails): Promise<void> {
  const database = db();
  await database.transaction('rw', database.recordings, () => upsertRecording(info, { details }));
}

export const NAME_REQUIRED = 'A speaker needs a name.';

/** Adds or replaces a speaker (by id) on the recording. */
export async function saveSpeaker(info: RecordingInfo, speaker: Omit<Speaker, 'id'> & { id?: string }): Promise<Speaker> {
  const name = speaker.name.trim();
  if (!name) throw new Error(NAME_REQUIRED);
  const given = Object.fromEntries(Object.entries(speaker).filter(([, value]) => value !== undefined));
  const saved: Speaker = { ...given, name, id: speaker.id ?? newId() };
  const database = db();
  await database.transaction('rw', database.recordings, async () => {
    const speakers = (await database.recordings.get(info.key))?.speakers ?? [];
    const next = speakers.some((s) => s.id === saved.id)
      ? speakers.map((s) => (s.id === saved.id ? saved : s))
      : [...speakers, saved];
    await upsertRecording(info, { speakers: next });
  });
  return saved;
}

/** Removes a speaker; notes and answers keep the id and show as "a former speaker". */
export async function removeSpeaker(info: RecordingInfo, id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.recordings, async () => {
    const speakers = (await database.recordings.get(info.key))?.speakers ?? [];
    await upsertRecording(info, { speakers: speakers.filter((s) => s.id !== id) });
  });
}
