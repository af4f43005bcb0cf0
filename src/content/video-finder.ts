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

/**
 * Calls `onChange` with the video `find` picks whenever it changes (one appears later, is replaced, or
 * goes away). On a page without video the cost is a mutation observer whose callback compares
 * the length of a live element collection and schedules at most one check per 250 ms.
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
    const next = videos.length === 0 ? null : find();
    if (next !== current) {
      current = next;
      onChange(next);
    }
  };
  const schedule = () => {
    timer ??= setTimeout(check, 250);
  };

  // A video added or removed is acted on at once; any other change waits for the next check.
  const observer = new MutationObserver(() => (videos.length === count ? schedule() : check()));
  observer.observe(document.documentElement, { childList: true, subtree: true });
  // A video that gets its size only when its metadata loads, or a layout change, shows no mutation.
  document.addEventListener('loadedmetadata', schedule, { capture: true, signal });
  window.addEventListener('resize', schedule, { passive: true, signal });
  check();
  return () => {
    controller.abort();
    observer.disconnect();
    clearTimeout(timer);
  };
}
