import { parseVideoUrl, recordingKeyFor, watchUrl } from '../../core/video-url';
import type { SiteAdapter } from './adapter';
import { player } from './youtube-player';

// Selectors as well-kept YouTube extensions rely on them: docs/player-dom.md §4.
const MAIN_VIDEO = '#movie_player video.html5-main-video, .html5-video-player video';
// Hover previews on the home and search pages play in players of their own (§4.5): a glance, not a
// recording being watched.
const PREVIEW = '#inline-preview-player, #video-preview';

/**
 * The video id. On an embed the title link follows playlist advances, which the URL does not.
 * Elsewhere the URL (/watch, /live/ID); where it names none (the miniplayer over another page, a
 * channel trailer) the player's own title link.
 */
function videoId(video: HTMLVideoElement): string | null {
  const titleLink = player(video)?.querySelector<HTMLAnchorElement>('a.ytp-title-link');
  const fromLink = titleLink ? parseVideoUrl(titleLink.href) : null;
  const fromUrl = parseVideoUrl(location.href);
  const parsed = location.pathname.startsWith('/embed/') ? (fromLink ?? fromUrl) : (fromUrl ?? fromLink);
  return parsed?.site === 'youtube' ? parsed.id : null;
}

export const youtube: SiteAdapter = {
  id: 'youtube',
  findVideo: () => {
    // Shorts are left out on purpose (README): swiping to the next one fires none of the watch
    // page's navigation events (§4.3), so a note could land on the short before.
    if (location.pathname.startsWith('/shorts/')) return null;
    for (const video of document.querySelectorAll<HTMLVideoElement>(MAIN_VIDEO)) {
      if (!video.closest(PREVIEW)) return video;
    }
    return null;
  },
  recordingKey: (video) => {
    const id = videoId(video);
    return id ? recordingKeyFor({ site: 'youtube', id }) : null;
  },
  title: () => {
    const heading = document.querySelector('ytd-watch-flexy h1, #title h1, h1#title')?.textContent?.trim();
    const link = document.querySelector('a.ytp-title-link')?.textContent?.trim();
    return heading || link || document.title.replace(/ - YouTube$/, '').trim() || 'YouTube video';
  },
  pageUrl: (video) => {
    const id = videoId(video);
    return id ? watchUrl({ site: 'youtube', id }) : location.href;
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
