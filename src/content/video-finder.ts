/** Below this size a video is an icon, a preview or an ad slot, not a recording. */
const MIN_WIDTH = 200;
const MIN_HEIGHT = 112;

function visibleArea(video: HTMLVideoElement): number {
  if (!video.isConnected) return 0;
  const rect = video.getBoundingClientRect();
  if (rect.width < MIN_WIDTH || rect.height < MIN_HEIGHT) return 0;
  const style = getComputedStyle(video);
  if (style.visibility === 'hidden' || style.display === 'none' || Number(style.opacity) === 0) return 0;
  return rect.width * rect.height;
}

/** The page's main video: the largest visible one, a playing one winning a tie. */
export function pickMainVideo(videos: Iterable<HTMLVideoElement>): HTMLVideoElement | null {
  let best: HTMLVideoElement | null = null;
  let bestScore = 0;
  for (const video of videos) {
    const area = visibleArea(video);
    if (area === 0) continue;
    const score = area * (video.paused ? 1 : 1.01);
    if (score > bestScore) {
      best = video;
      bestScore = score;
    }
  }
  return best;
}

/** A media element starting, reloading or losing its source: each reaches a capturing document listener. */
const MEDIA_EVENTS = ['loadstart', 'loadedmetadata', 'play', 'emptied'] as const;
/** How often the page is looked at for a video no media event announced (one without a source yet, or removed). */
const POLL_MS = 500;

/**
 * Calls `onChange` with the video `find` picks whenever it changes (one appears later, is replaced, or
 * goes away). Nothing watches the page's DOM, so a page's own DOM work never runs our code: a video
 * that loads, plays or is emptied is checked at once (media events in the capture phase on the
 * document), a layout change (`resize`) within 250 ms, and every POLL_MS (500 ms) the number of
 * videos is compared, which catches one added without a source or removed. Media events are not
 * composed, so a video inside a shadow root is seen only if `find` reaches it.
 */
export function watchMainVideo(
  find: () => HTMLVideoElement | null,
  onChange: (video: HTMLVideoElement | null) => void,
): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const videos = document.getElementsByTagName('video');
  let current: HTMLVideoElement | null = null;
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    clearTimeout(timer);
    timer = undefined;
    count = videos.length;
    const next = count === 0 ? null : find();
    if (next !== current) {
      current = next;
      onChange(next);
    }
  };
  const schedule = () => {
    timer ??= setTimeout(check, 250);
  };

  for (const type of MEDIA_EVENTS) document.addEventListener(type, check, { capture: true, signal });
  window.addEventListener('resize', schedule, { passive: true, signal });
  // A page without video pays one length read of a live collection per poll.
  const poll = setInterval(() => {
    if (videos.length !== count || count > 0) check();
  }, POLL_MS);
  check();
  return () => {
    controller.abort();
    clearInterval(poll);
    clearTimeout(timer);
  };
}
