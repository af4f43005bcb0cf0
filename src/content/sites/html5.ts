import { fragmentStartTime } from '../../core/media-fragment';
import { pageRecordingKey } from '../../core/recording-key';
import { pageVideos, pickMainVideo } from '../video-finder';
import type { SiteAdapter } from './adapter';

/** Any page with a `<video>`: the recording is the page it plays on. */
export const html5: SiteAdapter = {
  id: 'html5',
  findVideo: () => pickMainVideo(pageVideos()),
  recordingKey: () => pageRecordingKey(location.href),
  title: (video) =>
    (document.title || video.getAttribute('title') || video.getAttribute('aria-label') || location.hostname).trim(),
  pageUrl: () => pageRecordingKey(location.href) ?? location.href,
  isAdPlaying: () => false,
  progressBar: () => null,
  layerParent: () => document.documentElement,
  startTimeFromUrl: () => fragmentStartTime(location.hash),
};
