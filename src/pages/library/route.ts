import { useEffect, useState } from 'preact/hooks';

/** The library's pages live in the address's hash, so Back and reload keep the place. */
export type Route = { page: 'recordings' } | { page: 'trash' } | { page: 'recording'; key: string };

const RECORDING = '#recording=';

export function parseRoute(hash: string): Route {
  if (hash === '#trash') return { page: 'trash' };
  if (hash.startsWith(RECORDING)) {
    try {
      return { page: 'recording', key: decodeURIComponent(hash.slice(RECORDING.length)) };
    } catch {
      // A hand-edited address with a broken escape: the list, not an error page.
    }
  }
  return { page: 'recordings' };
}

export function routeHash(route: Route): string {
  return route.page === 'trash' ? '#trash' : route.page === 'recording' ? `${RECORDING}${encodeURIComponent(route.key)}` : '#';
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => (location.hash = routeHash(next))];
}
