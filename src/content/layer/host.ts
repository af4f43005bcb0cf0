/**
 * A root for the in-page layer: an element with a closed shadow root, so page CSS cannot reach
 * inside and page scripts cannot walk into it. It holds markers, the launcher and the panel
 * frame: no note text ever.
 */
const BASE_STYLE =
  'all: initial !important; display: block !important; overflow: visible !important; pointer-events: none !important;';
const FIXED_STYLE =
  'position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483646 !important;';

export function createLayerRoot(
  css: string,
  parent: Element = document.documentElement,
  placement = FIXED_STYLE,
  signal?: AbortSignal,
): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  const style = `${BASE_STYLE} ${placement}`;
  host.setAttribute('style', style);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('style');
  sheet.textContent = css;
  root.append(sheet);
  parent.append(host);
  keepAttributes(host, style, signal);
  return { host, root };
}

/**
 * The host is in the page's DOM, so the page can write to its attributes: `style` with later
 * `!important` declarations (opacity 0, a transform that slides the panel under a bait button),
 * `hidden`, `inert`, `popover`, a class its own CSS targets. Every such write is undone at once:
 * the host keeps exactly the one attribute we gave it. (Page style sheets need no watching: an
 * inline `!important` declaration beats every author rule, and `all: initial` resets transitions.)
 */
function keepAttributes(host: HTMLElement, style: string, signal: AbortSignal | undefined): void {
  const restore = () => {
    for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
    if (host.getAttribute('style') !== style) host.setAttribute('style', style);
    // Our own writes are mutations too: drop them, or the observer would wake for nothing.
    watcher.takeRecords();
  };
  const watcher = new MutationObserver(restore);
  watcher.observe(host, { attributes: true });
  signal?.addEventListener('abort', () => watcher.disconnect());
}

/** Elements whose children are not drawn: the layer cannot live inside them. */
const NO_CHILDREN = 'video, audio, iframe, canvas, img, object, embed';

/**
 * Moves the host to where it can be seen: inside the fullscreen element when a page fullscreens
 * its own player wrapper (everything outside it is hidden, and Chrome makes it inert), back home
 * when fullscreen ends. `moveBefore` keeps the panel frame loaded; where it is missing or refuses
 * (Firefox, or a page that replaced its player meanwhile) the host is appended, which reloads the
 * frame: a draft in the composer is stored, an open edit is not. A bare fullscreen `<video>` has
 * no room for it: the layer waits until fullscreen ends.
 */
export function followFullscreen(host: HTMLElement, home: Element, video: HTMLVideoElement): void {
  // The page may have removed the element the layer lived in.
  const base = home.isConnected ? home : document.documentElement;
  const fullscreen = document.fullscreenElement;
  const target =
    fullscreen && !fullscreen.contains(base) && fullscreen.contains(video) && !fullscreen.matches(NO_CHILDREN) ? fullscreen : base;
  if (host.parentElement === target) return;
  const move = (target as Element & { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
  try {
    if (!move) throw new Error('no moveBefore');
    move.call(target, host, null);
  } catch {
    target.append(host);
  }
}
