import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { asError } from '../../core/error-text';

export type Live<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: Error };

/**
 * Runs a Dexie query and re-runs it whenever the tables it read change, in this page or any other
 * page of the extension (Dexie broadcasts its writes between them).
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): Live<T> {
  const [live, setLive] = useState<Live<T>>({ state: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setLive({ state: 'ready', value }),
      error: (error: unknown) => setLive({ state: 'failed', error: asError(error) }),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query reads, as with useEffect.
  }, deps);
  return live;
}
