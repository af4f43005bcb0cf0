import type { CaptionSource, Cue, SiteId } from '../../core/model';

/**
 * A caption track as the player has it now: every cue known of it, in order of `start`, cleaned
 * (core/captions). A cue object that did not change is the same object in the next update, so the
 * session sends only what changed.
 */
export interface CaptionTrack {
  lang: string;
  label?: string;
  source: CaptionSource;
  /** The player loaded the whole track, not only lines seen so far. */
  complete: boolean;
  cues: readonly Cue[];
}

/**
 * What the content script needs to know about a video site. One adapter a site; the generic
 * HTML5 one serves any other page the extension runs on. Its captions are read apart
 * (sites/captions.ts), by the session part only.
 */
export interface SiteAdapter {
  id: SiteId;
  /** The page's main video now, or null. Called often: keep it to a few selector lookups. */
  findVideo(): HTMLVideoElement | null;
  /** The recording this video is, or null when the page gives no usable identity. */
  recordingKey(video: HTMLVideoElement): string | null;
  /** A human title for the recording as the page names it. */
  title(video: HTMLVideoElement): string;
  /** The URL to store with the recording: where it can be watched again. */
  pageUrl(video: HTMLVideoElement): string;
  /** True while the video element is playing an ad instead of the recording. */
  isAdPlaying(video: HTMLVideoElement): boolean;
  /** The site's own progress bar to put markers on, or null for a strip of our own. */
  progressBar(video: HTMLVideoElement): HTMLElement | null;
  /** Where the layer lives: inside the element that goes fullscreen, so it stays visible there. */
  layerParent(video: HTMLVideoElement): Element;
  /** A start time the page URL asks for and the site itself ignores (`#t=` on a plain page). */
  startTimeFromUrl(): number | null;
  /** Single-page sites: `start` when the page begins to move to another video, `finish` when it has. */
  onNavigate?(start: () => void, finish: () => void, signal: AbortSignal): void;
}
