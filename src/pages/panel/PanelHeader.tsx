import { t } from '../../core/i18n';
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
        <h1>{t('panel_notes')}</h1>
        <p class="recording-title" title={recording?.title}>
          {recording?.title ?? t('panel_waitingForVideo')}
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
        aria-label={t('panel_copyLinkNow')}
      >
        {t('panel_link')}
      </button>
      <button type="button" class="quiet" onClick={() => void openLibrary()} aria-label={t('panel_openLibrary')}>
        {t('panel_library')}
      </button>
      <button type="button" class="quiet" onClick={onHide} aria-label={t('panel_hidePanel')}>
        {t('panel_hide')}
      </button>
    </header>
  );
}
