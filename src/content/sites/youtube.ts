import { parseVideoUrl, recordingKeyFor } from '../../core/video-url';
import type { SiteAdapter } from './adapter';

// Selectors as well-kept YouTube extensions rely on them: docs/player-dom.md §4.
const PLAYER = '#movie_player, .html5-video-player';

function player(video: HTMLVideoElement): HTMLElement | null {
  return video.closest<HTMLElement>(PLAYER);
}

/** The video id: on an embed the title link follows playlist advances, which the URL does not. */
function videoId(): string | null {
  const titleLink = document.querySelector<HTMLAnchorElement>('.ytp-embed a.ytp-title-link');
  const fromLink = location.pathname.startsWith('/embed/') && titleLink ? parseVideoUrl(titleLink.href) : null;
  const parsed = fromLink ?? parseVideoUrl(location.href);
  return parsed?.site === 'youtube' ? parsed.id : null;
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  findVideo: () =>
    document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video, .html5-video-player video'),
  recordingKey: () => {
    const id = videoId();
    return id ? recordingKeyFor({ site: 'youtube', id }) : null;
  },
  title: () => {
    const heading = document.querySelector('ytd-watch-flexy h1, #title h1, h1#title')?.textContent?.trim();
    const link = document.querySelector('a.ytp-title-link')?.textContent?.trim();
    return heading || link || document.title.replace(/ - YouTube$/, '').trim() || 'YouTube video';
  },
  pageUrl: () => {
    const id = videoId();
    return id ? `https://www.youtube.com/watch?v=${id}` : location.href;
  },
  isAdPlaying: (video) => player(video)?.classList.contains('ad-showing') ?? false,
  progressBar: (video) => player(video)?.querySelector<HTMLElement>('.ytp-progress-bar') ?? null,
  layerParent: (video) => player(video) ?? document.documentElement,
  // YouTube honours its own t= and start= parameters.
  startTimeFromUrl: () => null,
  onNavigate(start, finish, signal) {
    document.addEventListener('yt-navigate-start', start, { signal });
    document.addEventListener('yt-navigate-finish', finish, { signal });
  },
};
