import { parseVideoUrl, recordingKeyFor, watchUrl, type ParsedVideoUrl } from '../../core/video-url';
import type { SiteAdapter } from './adapter';

// Vimeo's markup changes often (docs/player-dom.md §5): rely on div.player, the <video> in it and
// data-* hooks rather than vp-* class names where there is a choice.
const PLAYER = '.player, [data-player-container]';

/**
 * The video the page plays: the one its URL names, else the one its player was configured with
 * (`data-config-url`, docs/player-dom.md §5.4), as on an event page, whose URL names only the event.
 */
function playing(): ParsedVideoUrl | null {
  const fromUrl = parseVideoUrl(location.href);
  if (fromUrl?.site === 'vimeo') return fromUrl;
  const config = document.querySelector('[data-config-url]')?.getAttribute('data-config-url');
  const fromPlayer = config ? parseVideoUrl(config) : null;
  return fromPlayer?.site === 'vimeo' ? fromPlayer : null;
}

export const vimeo: SiteAdapter = {
  id: 'vimeo',
  findVideo: () => document.querySelector<HTMLVideoElement>('.player video, [data-player-container] video'),
  recordingKey: () => {
    const video = playing();
    return video ? recordingKeyFor(video) : null;
  },
  title: () => document.title.replace(/ on Vimeo$/, '').trim() || 'Vimeo video',
  pageUrl: () => {
    const video = playing();
    return video ? watchUrl(video) : location.href;
  },
  isAdPlaying: () => false,
  progressBar: (video) =>
    video.closest(PLAYER)?.querySelector<HTMLElement>('[data-progress-bar="true"], .vp-progress') ?? null,
  layerParent: (video) => video.closest(PLAYER) ?? document.documentElement,
  // Vimeo honours #t= on its video pages; on a review page we are not sure it does, and a second
  // seek to the same moment is harmless.
  startTimeFromUrl: () => {
    const fromUrl = parseVideoUrl(location.href);
    return fromUrl?.site === 'vimeo' && fromUrl.review ? fromUrl.start : null;
  },
};
