import { useMemo } from 'preact/hooks';
import type { ExportInput } from '../../core/export/input';
import type { Note, QaItem, Recording, Speaker } from '../../core/model';
import { getRecording, type RecordingInfo } from '../../db/recordings';
import { useLiveQuery, type Live } from '../shared/live-query';
import { useRecordingRecords } from './use-recording-records';

const NO_SPEAKERS: readonly Speaker[] = [];

export interface RecordingData {
  /** Maybe the first screenful while the rest loads (see useRecordingRecords). */
  notes: Live<readonly Note[]>;
  /** All of the recording's live notes: exports and markers wait for these. */
  complete: Live<readonly Note[]>;
  /** The stored recording (its details and speakers); undefined before its first note. */
  stored: Live<Recording | undefined>;
  speakers: readonly Speaker[];
  qaItems: readonly QaItem[];
  /** What the exports read; null until everything is read. */
  exportInput: ExportInput | null;
}

/** The live data of the recording playing (none while `recording` is null). */
export function useRecordingData(recording: RecordingInfo | null): RecordingData {
  const { notes, complete, qa } = useRecordingRecords(recording?.key);
  const stored = useLiveQuery(async () => (recording ? getRecording(recording.key) : undefined), [recording?.key]);
  // The same array until the stored recording changes: the panel's context holds it.
  const speakers = useMemo(() => (stored.state === 'ready' ? (stored.value?.speakers ?? NO_SPEAKERS) : NO_SPEAKERS), [stored]);
  // Recomputed only when the data changes: exports are not free.
  const exportInput = useMemo<ExportInput | null>(
    () =>
      recording && complete.state === 'ready' && qa.state === 'ready' && stored.state === 'ready'
        ? { recording: stored.value ?? { ...recording, createdAt: 0, updatedAt: 0 }, notes: complete.value, qa: qa.value }
        : null,
    [recording, complete, qa, stored],
  );
  return { notes, complete, stored, speakers, qaItems: qa.state === 'ready' ? qa.value : [], exportInput };
}
