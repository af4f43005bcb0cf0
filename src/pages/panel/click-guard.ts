/**
 * Clicks count only while the panel frame can be seen. A page around the panel frame can make it
 * invisible (opacity, a filter, its own element painted over it) and lure a click onto it; Chrome's
 * IntersectionObserver v2 (`trackVisibility`) tells a frame whether it is shown unoccluded and
 * unaltered, so while it is not, and until it has been for `MIN_VISIBLE_MS`, every click in the
 * panel is dropped before any handler sees it, and so are the keys that act (Escape, and Enter or
 * Space on a button).
 * Browsers without v2 (Firefox) get no guard: there the panel's own placement (re-asserted by the
 * content script) and Undo are the defence.
 *
 * State for styling and tests: `<html data-click-guard="covered|shown|unsupported">`, in the
 * panel's own document, which no page can read.
 */

/** A page cannot flash the panel into view for one click: it must have been visible this long. */
export const MIN_VISIBLE_MS = 250;
/** The smallest delay IntersectionObserver v2 accepts between visibility reports, in ms. */
const REPORT_DELAY_MS = 100;

const CLICKS = ['click', 'dblclick', 'auxclick', 'contextmenu', 'pointerdown', 'mousedown', 'pointerup', 'mouseup'] as const;

interface VisibilityEntry extends IntersectionObserverEntry {
  readonly isVisible?: boolean;
}

export function supportsVisibilityTracking(): boolean {
  return typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;
}

/** Starts guarding `target` (the panel's content) until `signal` aborts. */
export function guardClicks(target: Element, signal: AbortSignal): void {
  const root = document.documentElement;
  if (!supportsVisibilityTracking()) {
    root.dataset.clickGuard = 'unsupported';
    return;
  }
  // performance.now() of the report that the panel became visible; null while it is not.
  let visibleSince: number | null = null;
  root.dataset.clickGuard = 'covered';
  const observer = new IntersectionObserver(
    (entries) => {
      const last = entries.at(-1) as VisibilityEntry | undefined;
      if (!last) return;
      if (last.isVisible) visibleSince ??= last.time;
      else visibleSince = null;
      root.dataset.clickGuard = visibleSince === null ? 'covered' : 'shown';
    },
    // `trackVisibility` and `delay` are v2 options that TypeScript's DOM types do not list yet.
    { trackVisibility: true, delay: REPORT_DELAY_MS } as IntersectionObserverInit,
  );
  observer.observe(target);
  signal.addEventListener('abort', () => observer.disconnect());

  const drop = (event: Event) => {
    if (visibleSince !== null && performance.now() - visibleSince >= MIN_VISIBLE_MS) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  };
  for (const type of CLICKS) window.addEventListener(type, drop, { capture: true, signal });
  // A page can move the focus into the frame (sequential Tab reaches it), then lure key presses.
  // Escape discards the note being typed, and Enter or Space on a button presses it: those count
  // only when a click would. Typing, Enter and Space in a text box stay free, so a panel partly
  // overlapped by the page's own pop-up never eats a word.
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' || ((event.key === 'Enter' || event.key === ' ') && !isTextEntry(event.target))) drop(event);
    },
    { capture: true, signal },
  );
}

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'checkbox' && target.type !== 'radio');
}
