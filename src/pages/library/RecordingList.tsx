import type { RecordingSummary } from '../../core/shelf';
import { exportTitle } from '../../core/export/input';
import { VirtualList } from '../shared/VirtualList';
import { ago, day, webinarDay } from './when';
import { SiteBadge } from './SiteBadge';
import { imageSpaceText } from '../../core/images';
import { plural, t } from '../../core/i18n';

interface Props {
  summaries: readonly RecordingSummary[];
  /** Recordings in the library. */
  total: number;
  /** Whether `summaries` are those passing the filters (else the first of all, or all). */
  filtered: boolean;
  onOpen(key: string): void;
}

export function RecordingList({ summaries, total, filtered, onOpen }: Props) {
  if (total === 0) {
    return (
      <p class="pad muted">
        {t('library_noRecordings')}
      </p>
    );
  }
  return (
    <section class="results" aria-label={t('library_recordings')}>
      <p class="result-count" role="status">
        {filtered
          ? plural('library_filteredCount', total, summaries.length)
          : plural('library_recordingCount', total)}
      </p>
      <VirtualList
        items={summaries}
        itemKey={(summary) => summary.recording.key}
        estimateSize={64}
        label={t('library_recordings')}
        class="list-scroll"
        itemProps={() => ({ class: 'recording-row' })}
        renderItem={({ recording, notes, questions, lastEdit, images, imageBytes }) => (
          <>
            <button type="button" class="recording-title link-like" onClick={() => onOpen(recording.key)} dir="auto">
              {exportTitle(recording)}
            </button>
            <p class="recording-meta muted">
              <SiteBadge site={recording.site} />
              {recording.details?.date ? webinarDay(recording.details.date) : t('library_firstNote', day(recording.createdAt))}
              {' · '}
              {plural('notesCount', notes)} · {plural('library_questionCount', questions)}
              {images > 0 && ` · ${imageSpaceText(images, imageBytes)}`}
              {' · '}
              {t('library_edited', ago(lastEdit))}
            </p>
          </>
        )}
      />
    </section>
  );
}
