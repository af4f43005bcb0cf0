import type { Recording, Speaker, WebinarDetails } from '../core/model';
import { newId } from '../core/ids';
import { editedRecording } from '../core/field-times';
import { db } from './schema';
import { mergeFields, type EditOutcome } from '../core/field-merge';
import { t, translator } from '../core/i18n';

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

/**
 * Saves the webinar details edited in a form that opened with `base` and now holds `mine` (empty
 * fields left out). Only the fields the user changed are written; one changed both here and
 * elsewhere is a conflict, and then nothing is written. Check and write are one transaction.
 */
export async function saveDetails(info: RecordingInfo, base: WebinarDetails, mine: WebinarDetails): Promise<EditOutcome<WebinarDetails>> {
  const database = db();
  return database.transaction('rw', database.recordings, async (): Promise<EditOutcome<WebinarDetails>> => {
    const stored = (await database.recordings.get(info.key))?.details ?? {};
    const { changes, conflicts } = mergeFields(base, mine, stored);
    if (conflicts.length > 0) return { state: 'conflict', conflicts };
    if (Object.keys(changes).length > 0) await upsertRecording(info, { details: withoutUndefined({ ...stored, ...changes }) });
    return { state: 'saved' };
  });
}

/** Why a speaker was refused: no name. The English words (tests compare them); the error says it in the pages' language. */
export const NAME_REQUIRED = translator('en').t('db_speakerNeedsName');

/** A speaker as the speaker form edits it: what the user types, not its id or edit times. */
export type SpeakerFields = Pick<Speaker, 'name' | 'role' | 'org' | 'handle'>;

function checkedName(speaker: SpeakerFields): string {
  const name = speaker.name.trim();
  if (!name) throw new Error(t('db_speakerNeedsName'));
  return name;
}

/** Adds a speaker to the recording; throws NAME_REQUIRED (changing nothing) for a blank name. */
export async function addSpeaker(info: RecordingInfo, speaker: SpeakerFields): Promise<Speaker> {
  const saved: Speaker = { ...withoutUndefined(speaker), name: checkedName(speaker), id: newId() };
  const database = db();
  await database.transaction('rw', database.recordings, async () => {
    const speakers = (await database.recordings.get(info.key))?.speakers ?? [];
    await upsertRecording(info, { speakers: [...speakers, saved] });
  });
  return saved;
}

/**
 * Saves the edit of speaker `id` from a form that opened with `base` and now holds `mine`, by the
 * same rule as notes: only the fields the user changed, nothing on a conflict, and a speaker
 * removed elsewhere meanwhile (`gone`) is not brought back. Check and write are one transaction.
 */
export async function editSpeaker(info: RecordingInfo, id: string, base: SpeakerFields, mine: SpeakerFields): Promise<EditOutcome<SpeakerFields>> {
  const wanted = { ...mine, name: checkedName(mine) };
  const database = db();
  return database.transaction('rw', database.recordings, async (): Promise<EditOutcome<SpeakerFields>> => {
    const speakers = (await database.recordings.get(info.key))?.speakers ?? [];
    const stored = speakers.find((s) => s.id === id);
    if (!stored) return { state: 'gone' };
    const { changes, conflicts } = mergeFields(base, wanted, stored);
    if (conflicts.length > 0) return { state: 'conflict', conflicts };
    if (Object.keys(changes).length > 0) {
      const saved = withoutUndefined({ ...stored, ...changes });
      await upsertRecording(info, { speakers: speakers.map((s) => (s.id === id ? saved : s)) });
    }
    return { state: 'saved' };
  });
}

/** `value` without its undefined fields: a field the user cleared is removed, not stored as undefined. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Removes a speaker; notes and answers keep the id and show as "a former speaker". */
export async function removeSpeaker(info: RecordingInfo, id: string): Promise<void> {
  const database = db();
  await database.transaction('rw', database.recordings, async () => {
    const speakers = (await database.recordings.get(info.key))?.speakers ?? [];
    await upsertRecording(info, { speakers: speakers.filter((s) => s.id !== id) });
  });
}
