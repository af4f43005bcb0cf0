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

/** A media element starting, reloading or losing its source: each reaches a capturing listener on its root. */
const MEDIA_EVENTS = ['loadstart', 'loadedmetadata', 'play', 'emptied'] as const;
/** How often the page is looked at for a video no media event announced (one without a source yet, or removed). */
const POLL_MS = 500;
/**
 * How often, while no video is found, the page's shadow roots are looked into. Not gated on the
 * element count: a change inside a shadow root does not move the document's.
 */
const SHADOW_SCAN_MS = 2_000;

/** Shadow roots seen holding a video: their videos are candidates, their media events are heard. */
const shadowRoots = new Set<ShadowRoot>();

/** Every `<video>` of the page: the document's, then those of the shadow roots the watcher found. */
export function pageVideos(): HTMLVideoElement[] {
  const videos = [...document.getElementsByTagName('video')];
  for (const root of shadowRoots) if (root.host.isConnected) videos.push(...root.querySelectorAll('video'));
  return videos;
}

interface ClosedRootReaders {
  /** Chromium's content-script API for a closed root. */
  chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } };
}

/**
 * An element's shadow root: an open one, or a closed one where the browser lets a content script
 * see it (Chromium's `chrome.dom`, Firefox's `openOrClosedShadowRoot`), asked only of custom
 * elements (a player's host), since each such call crosses into the browser.
 */
function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  if (!element.localName.includes('-')) return null;
  const firefox = (element as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
  return firefox ?? (globalThis as ClosedRootReaders).chrome?.dom?.openOrClosedShadowRoot?.(element) ?? null;
}

/** The shadow roots under `root`, nested ones included, that hold a `<video>`. */
function shadowRootsWithVideo(root: Document | ShadowRoot, found: ShadowRoot[] = []): ShadowRoot[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shadow = shadowRootOf(node as Element);
    if (!shadow) continue;
    if (shadow.querySelector('video')) found.push(shadow);
    shadowRootsWithVideo(shadow, found);
  }
  return found;
}

/**
 * Calls `onChange` with the video `find` picks whenever it changes (one appears later, is replaced, or
 * goes away). Nothing watches the page's DOM, so a page's own DOM work never runs our code: a video
 * that loads, plays or is emptied is checked at once (media events in the capture phase on the
 * document), a layout change (`resize`) within 250 ms, and every POLL_MS (500 ms) the number of
 * videos is compared, which catches one added without a source or removed. Media events are not
 * composed, so shadow roots are looked into apart: while no video is found, every SHADOW_SCAN_MS
 * (2 s), one walk of the page's elements; a root found holding a video then has its media
 * events heard and its videos counted like the document's (`pageVideos`, for `find`).
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
  let scannedAt = 0;

  const videoCount = () => (shadowRoots.size === 0 ? videos.length : pageVideos().length);
  const check = () => {
    clearTimeout(timer);
    timer = undefined;
    count = videoCount();
    const next = count === 0 ? null : find();
    if (next !== current) {
      current = next;
      onChange(next);
    }
  };
  const schedule = () => {
    timer ??= setTimeout(check, 250);
  };
  const hear = (root: Document | ShadowRoot) => {
    for (const type of MEDIA_EVENTS) root.addEventListener(type, check, { capture: true, signal });
  };
  const scanShadows = () => {
    scannedAt = performance.now();
    for (const root of shadowRoots) if (!root.host.isConnected) shadowRoots.delete(root);
    for (const root of shadowRootsWithVideo(document)) {
      if (shadowRoots.has(root)) continue;
      shadowRoots.add(root);
      hear(root);
    }
  };

  hear(document);
  window.addEventListener('resize', schedule, { passive: true, signal });
  // A page without video pays one length read of a live collection per poll, and one walk of its
  // elements every 2 s.
  const poll = setInterval(() => {
    if (current === null && performance.now() - scannedAt >= SHADOW_SCAN_MS) scanShadows();
    if (videoCount() !== count || count > 0) check();
  }, POLL_MS);
  scanShadows();
  check();
  return () => {
    controller.abort();
    clearInterval(poll);
    clearTimeout(timer);
    shadowRoots.clear();
  };
}
