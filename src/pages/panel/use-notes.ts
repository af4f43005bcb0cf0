import { useMemo } from 'preact/hooks';
import type { Note } from '../../core/model';
import { listNotes } from '../../db/notes';
import { useLiveQuery, type Live } from '../shared/live-query';

/** Notes read first on opening: enough to fill the panel. */
const FIRST_SCREEN = 40;

/**
 * The live notes of the recording `key`, never another recording's (each answer carries the key
 * it was read for). A long list shows its first screenful while the rest is read: 10,000 notes
 * take over 100 ms to read, their first 40 a few. The full read starts after the first one, or
 * the database would serve the short read behind the long one.
 */
export function useRecordingNotes(key: string | undefined): { notes: Live<Note[]>; complete: Live<Note[]> } {
  const first = useLiveQuery(async () => ({ key, notes: key ? await listNotes(key, FIRST_SCREEN) : [] }), [key]);
  const firstDone = first.state === 'failed' || (first.state === 'ready' && first.value.key === key);
  const all = useLiveQuery(async () => ({ key, notes: key && firstDone ? await listNotes(key) : null }), [key, firstDone]);
  return useMemo(() => {
    const complete: Live<Note[]> =
      all.state === 'failed'
        ? all
        : all.state === 'ready' && all.value.key === key && all.value.notes
          ? { state: 'ready', value: all.value.notes }
          : key === undefined
            ? { state: 'ready', value: [] }
            : { state: 'loading' };
    const early = first.state === 'ready' && first.value.key === key && first.value.notes.length > 0;
    return { complete, notes: complete.state === 'loading' && early ? { state: 'ready', value: first.value.notes } : complete };
  }, [all, first, key]);
}
