import type { RecordingSummary } from '../../core/shelf';
import { exportTitle, formatLongDate } from '../../core/export/input';
import { VirtualList } from '../shared/VirtualList';
import { ago, day } from './when';
import { SiteBadge } from './SiteBadge';
import { imageSpaceText } from '../../core/images';

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
        No recordings yet. Open a webinar recording on YouTube, Vimeo or a site you enabled and take a note: it shows up here.
      </p>
    );
  }
  return (
    <section class="results" aria-label="Recordings">
      <p class="result-count" role="status">
        {filtered
          ? `${summaries.length.toLocaleString()} of ${total.toLocaleString()} recordings match the filters`
          : `${total.toLocaleString()} ${total === 1 ? 'recording' : 'recordings'}`}
      </p>
      <VirtualList
        items={summaries}
        itemKey={(summary) => summary.recording.key}
        estimateSize={64}
        label="Recordings"
        class="list-scroll"
        itemProps={() => ({ class: 'recording-row' })}
        renderItem={({ recording, notes, questions, lastEdit, images, imageBytes }) => (
          <>
            <button type="button" class="recording-title link-like" onClick={() => onOpen(recording.key)} dir="auto">
              {exportTitle(recording)}
            </button>
            <p class="recording-meta muted">
              <SiteBadge site={recording.site} />
              {recording.details?.date ? formatLongDate(recording.details.date) : `first note ${day(recording.createdAt)}`}
              {' · '}
              {notes.toLocaleString()} {notes === 1 ? 'note' : 'notes'} · {questions.toLocaleString()} {questions === 1 ? 'question' : 'questions'}
              {images > 0 && ` · ${imageSpaceText(images, imageBytes)}`}
              {' · '}edited {ago(lastEdit)}
            </p>
          </>
        )}
      />
    </section>
  );
}
