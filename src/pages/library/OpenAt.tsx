import { useState } from 'preact/hooks';
import { openUrl } from '../../core/library';
import type { Recording } from '../../core/model';
import { shorten } from '../../core/shorten';
import { formatTime } from '../../core/time';
import browser from '../../platform/browser';

/**
 * Opens the recording's page in a new tab, at `t` when given. An address that is not a web page
 * (a backup edited by hand, say) gets a message instead: the notes stay readable here.
 */
export function OpenAt({ recording, t }: { recording: Recording; t?: number | undefined }) {
  const [problem, setProblem] = useState<string | null>(null);
  const url = openUrl(recording, t);
  const label = t === undefined ? 'Open the video' : `Open at ${formatTime(t)}`;
  return (
    <span class="open-at">
      <button
        type="button"
        onClick={() => {
          if (url) void browser.tabs.create({ url });
          else setProblem(`This recording’s address (${shorten(recording.url, 100) || 'none'}) is not a web page, so it cannot be opened. Its notes stay here.`);
        }}
      >
        {label}
      </button>
      {problem && (
        <span class="error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
