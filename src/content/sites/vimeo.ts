import { parseVideoUrl, recordingKeyFor } from '../../core/video-url';
import type { SiteAdapter } from './adapter';

// Vimeo's markup changes often (docs/player-dom.md §5): rely on div.player, the <video> in it and
// data-* hooks rather than vp-* class names where there is a choice.
const PLAYER = '.player, [data-player-container]';

function parsedPage() {
  const parsed = parseVideoUrl(location.href);
  return parsed?.site === 'vimeo' ? parsed : null;
}

export const vimeo: SiteAdapter = {
  id: 'vimeo',
  findVideo: () => document.querySelector<HTMLVideoElement>('.player video, [data-player-container] video'),
  recordingKey: () => {
    const parsed = parsedPage();
    return parsed ? recordingKeyFor(parsed) : null;
  },
  title: () => document.title.replace(/ on Vimeo$/, '').trim() || 'Vimeo video',
  pageUrl: () => {
    const parsed = parsedPage();
    if (!parsed) return location.href;
    return `https://vimeo.com/${parsed.id}${parsed.hash ? `/${parsed.hash}` : ''}`;
  },
  isAdPlaying: () => false,
  progressBar: (video) =>
    video.closest(PLAYER)?.querySelector<HTMLElement>('[data-progress-bar="true"], .vp-progress') ?? null,
  layerParent: (video) => video.closest(PLAYER) ?? document.documentElement,
  // Vimeo honours #t= itself.
  startTimeFromUrl: () => null,
};
