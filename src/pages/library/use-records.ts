import type { Live } from '../shared/live-query';
import { useChangeLog } from '../shared/use-change-log';
import { readRecords, withRecordsChanged, type Records, type RecordsOf } from '../../db/shelf';

/**
 * A recording's notes and questions, or the trash's, trashed or not as stored: read once by index,
 * then only the records the change log names.
 */
export function useRecords(which: RecordsOf): Live<Records> {
  return useChangeLog(
    () => readRecords(which),
    (value: Records, changes) => withRecordsChanged(which, value, changes),
    [which === 'trash' ? which : which.recordingKey],
  );
}
