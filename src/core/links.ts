import type { Recording } from './model';
import { pageTimestampedUrl, parseVideoUrl, timestampedUrl } from './video-url';
import { exportUrl } from './web-url';

/**
 * A link that opens the recording at `seconds`: the site's own form on YouTube and Vimeo (which
 * honour it), the page URL with `#t=` elsewhere (which the extension honours), in the form
 * every export and the clipboard write (`exportUrl`). Null when the stored URL is not one we can
 * link to.
 */
export function linkAt(recording: Pick<Recording, 'site' | 'url'>, seconds: number): string | null {
  if (recording.site === 'html5') return exportUrl(pageTimestampedUrl(recording.url, seconds));
  const parsed = parseVideoUrl(recording.url);
  return parsed && parsed.site === recording.site ? exportUrl(timestampedUrl(parsed, seconds)) : null;
}
