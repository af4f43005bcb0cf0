import { useState } from 'preact/hooks';
import { openUrl } from '../../core/library';
import type { Recording } from '../../core/model';
import { shorten } from '../../core/shorten';
import { formatTime } from '../../core/time';
import browser from '../../platform/browser';
import { ui18n } from '../../core/i18n';

/**
 * Opens the recording's page in a new tab, at `t` when given. An address that is not a web page
 * (a backup edited by hand, say) gets a message instead: the notes stay readable here.
 */
export function OpenAt({ recording, t }: { recording: Recording; t?: number | undefined }) {
  const [problem, setProblem] = useState(false);
  const url = openUrl(recording, t);
  // `t` is the time here: the messages are read through ui18n().
  const words = ui18n();
  const label = t === undefined ? words.t('library_openVideo') : words.t('library_openAt', formatTime(t));
  return (
    <span class="open-at">
      <button
        type="button"
        onClick={() => {
          if (url) void browser.tabs.create({ url });
          else setProblem(true);
        }}
      >
        {label}
      </button>
      {problem && (
        <span class="error" role="alert">
          {words.t('library_notWebPage', shorten(recording.url, 100) || words.t('library_noAddress'))}
        </span>
      )}
    </span>
  );
}
