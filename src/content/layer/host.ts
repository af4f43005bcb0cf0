/**
 * The in-page layer's root: a fixed, zero-size element at the end of <html> with a closed shadow
 * root, so page CSS cannot reach inside and page scripts cannot walk into it. It holds markers,
 * the launcher and the panel frame: no note text ever.
 */
const HOST_STYLE =
  'all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; ' +
  'width: 0 !important; height: 0 !important; z-index: 2147483646 !important; ' +
  'display: block !important; overflow: visible !important; pointer-events: none !important;';

export function createLayerRoot(css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  document.documentElement.append(host);
  return { host, root };
}
