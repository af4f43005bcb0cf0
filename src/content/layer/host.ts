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
): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  host.setAttribute('style', `${BASE_STYLE} ${placement}`);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  parent.append(host);
  return { host, root };
}
