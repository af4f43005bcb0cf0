// Selectors as well-kept YouTube extensions rely on them: docs/player-dom.md §4.
const PLAYER = '#movie_player, .html5-video-player';

/** The YouTube player `video` plays in, or null outside one. */
export function player(video: HTMLVideoElement): HTMLElement | null {
  return video.closest<HTMLElement>(PLAYER);
}
