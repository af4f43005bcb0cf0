import { useEffect, useMemo, useState } from 'preact/hooks';
import { asError } from '../../core/error-text';
import type { Note, QaItem } from '../../core/model';
import { followRecording, type RecordingRecords } from '../../db/follow-recording';
import type { Live } from '../shared/live-query';

/** Notes read first on opening: enough to fill the panel. */
const FIRST_SCREEN = 40;

type Held =
  | { key: string | undefined; state: 'loading' }
  | { key: string | undefined; state: 'first'; first: readonly Note[] }
  | { key: string | undefined; state: 'ready'; records: RecordingRecords }
  | { key: string | undefined; state: 'failed'; error: Error };

export interface LiveRecords {
  /** Maybe the first screenful while the rest loads. */
  notes: Live<readonly Note[]>;
  /** All of the recording's live notes. */
  complete: Live<readonly Note[]>;
  qa: Live<readonly QaItem[]>;
}

/**
 * The live notes and questions of the recording `key`, never another recording's (what is held
 * carries the key it was read for). A long list shows its first screenful while the rest is read
 * (10,000 notes take over 100 ms to read, their first 40 a few); after that a change anywhere
 * costs what changed (db/follow-recording.ts), and a part that did not change keeps its array, so
 * what shows it does not re-render.
 */
export function useRecordingRecords(key: string | undefined): LiveRecords {
  const [held, setHeld] = useState<Held>({ key, state: 'loading' });
  useEffect(() => {
    if (key === undefined) return;
    setHeld({ key, state: 'loading' });
    return followRecording(
      key,
      {
        first: (first) => setHeld((now) => (now.key === key && now.state === 'loading' ? { key, state: 'first', first } : now)),
        records: (records) => setHeld({ key, state: 'ready', records }),
        failed: (error) => setHeld({ key, state: 'failed', error: asError(error) }),
      },
      FIRST_SCREEN,
    );
  }, [key]);
  return useMemo((): LiveRecords => {
    if (key === undefined) return { notes: NONE, complete: NONE, qa: NONE };
    if (held.key !== key || held.state === 'loading') return { notes: LOADING, complete: LOADING, qa: LOADING };
    if (held.state === 'failed') return { notes: held, complete: held, qa: held };
    if (held.state === 'first') return { notes: { state: 'ready', value: held.first }, complete: LOADING, qa: LOADING };
    return { notes: { state: 'ready', value: held.records.notes }, complete: { state: 'ready', value: held.records.notes }, qa: { state: 'ready', value: held.records.qa } };
  }, [held, key]);
}

const NONE: Live<readonly never[]> = { state: 'ready', value: [] };
const LOADING: Live<never> = { state: 'loading' };
