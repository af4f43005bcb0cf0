import type { SiteId } from '../../core/model';

/**
 * What the content script needs to know about a video site. One adapter a site; the generic
 * HTML5 one is the fallback for any page the extension runs on.
 */
export interface SiteAdapter {
  id: SiteId;
  /** The recording this video is, or null when the page gives no usable identity. */
  recordingKey(video: HTMLVideoElement): string | null;
  /** A human title for the recording as the page names it. */
  title(video: HTMLVideoElement): string;
  /** The URL to store with the recording: where it can be watched again. */
  pageUrl(): string;
}
