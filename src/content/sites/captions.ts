/**
 * How each site's captions are read, by the adapter that names the recording (`SiteAdapter.id`).
 * Kept apart from the adapters, which every matched frame loads to find its video: the readers
 * run only in a session (the session part), so a page without video never loads them.
 */
import type { SiteId } from '../../core/model';
import { followTextTracks } from '../captions/text-tracks';
import type { CaptionTrack } from './adapter';
import { youtubeCaptions } from './youtube-captions';

/**
 * Follows the captions of `video` (which plays `recordingKey`) from what the player already has,
 * never with a request of ours, calling `onTrack` at each change, until `signal` aborts; then
 * leaves the page as it was (a track it set to `hidden` goes back to `disabled`).
 */
export type CaptionReader = (video: HTMLVideoElement, recordingKey: string, onTrack: (track: CaptionTrack) => void, signal: AbortSignal) => void;

const textTracks: CaptionReader = (video, _recordingKey, onTrack, signal) => followTextTracks(video, onTrack, signal);

export const CAPTION_READERS: Readonly<Record<SiteId, CaptionReader>> = {
  youtube: youtubeCaptions,
  // Vimeo's player (telecine, v4.43) puts each caption track on its <video> as a <track> element
  // (`telecine-track-ID`, its file at /texttrack/ID.vtt) and draws the lines itself; it sets the
  // track's mode at `load`, `loadeddata` and `seeking`, so a track it turns off stays off.
  vimeo: textTracks,
  html5: textTracks,
};
