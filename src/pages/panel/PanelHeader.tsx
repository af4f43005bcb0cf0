import { openLibrary } from '../shared/open-library';
import { usePanel } from './panel-context';
import { usePlaybackValue } from './use-playback-value';

/** The panel's title bar: the recording's title, a link to this moment, the library, Hide. */
export function PanelHeader({ onHide }: { onHide(): void }) {
  const { recording, playback, copyLink } = usePanel();
  // Re-rendered when the video gains or loses its time, not as the time moves.
  const hasTime = usePlaybackValue(playback, (now) => now !== null);
  return (
    <header class="panel-head">
      <div class="titles">
        <h1>Notes</h1>
        <p class="recording-title" title={recording?.title}>
          {recording?.title ?? 'Waiting for the video…'}
        </p>
      </div>
      <button
        type="button"
        class="quiet"
        disabled={!hasTime}
        onClick={() => {
          const now = playback.timeNow();
          if (now !== null) copyLink(now);
        }}
        aria-label="Copy a link to this moment"
      >
        Link
      </button>
      <button type="button" class="quiet" onClick={() => void openLibrary()} aria-label="Open the library of all notes">
        Library
      </button>
      <button type="button" class="quiet" onClick={onHide} aria-label="Hide notes panel">
        Hide
      </button>
    </header>
  );
}
