/** Where the Navigation API is missing (Firefox before 147), the address is compared this often. */
const POLL_MS = 500;

/** The part of the Navigation API used here; TypeScript's DOM types do not have it yet. */
interface NavigationEvents {
  addEventListener(type: 'currententrychange', listener: () => void, options: { signal: AbortSignal }): void;
}

/**
 * Calls `onChange` after the page's address changes without a new document: `history.pushState`
 * and `replaceState`, back and forward, a fragment. A script in the page changes the address with
 * no event a content script can hear, except through the Navigation API's `currententrychange`.
 * The call comes a task later, so a page that sets its title right after `pushState` is read with
 * the new one. Stops when `signal` aborts.
 */
export function watchAddress(onChange: () => void, signal: AbortSignal): void {
  let seen = location.href;
  const check = () => {
    if (signal.aborted || location.href === seen) return;
    seen = location.href;
    onChange();
  };
  const navigation = (globalThis as { navigation?: NavigationEvents }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', () => setTimeout(check, 0), { signal });
    return;
  }
  const timer = setInterval(check, POLL_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
