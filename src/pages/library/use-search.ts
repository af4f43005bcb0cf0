import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Filters } from '../../core/library';
import type { SearchDoc } from '../../core/search';
import type { IndexSource, SearchReply, SearchRequest } from './search-protocol';
import { t } from '../../core/i18n';

export type SearchState =
  | { state: 'loading' }
  | { state: 'ready'; from: IndexSource }
  | { state: 'failed'; message: string };

export interface SearchAnswer {
  /** The request's terms, so the page can tell an answer to what it shows from a stale one. */
  terms: readonly string[];
  hits: SearchDoc[];
  total: number;
}

/** Hits listed; all are counted. Nobody reads 40,000 matches: a word more narrows them. */
export const LISTED = 2000;

/**
 * The library's search worker (search.worker.ts), started once `start` is true (the library starts
 * it at the search box or 2 s after its first screen), and the newest answer to `terms` with
 * `filters`, hits ordered by `order` (recording keys). The page's thread only posts the terms and
 * receives at most LISTED hits.
 */
export function useSearch(start: boolean, terms: readonly string[], filters: Filters, order: readonly string[]) {
  const worker = useRef<Worker>();
  const [index, setIndex] = useState<SearchState>({ state: 'loading' });
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const sent = useRef<{ id: number; terms: readonly string[] }>({ id: 0, terms: [] });

  // A layout effect, like the posting one below and before it: on the render where the search
  // starts (the box focused and typed in at once), the worker exists when the first query is posted.
  useLayoutEffect(() => {
    if (!start) return;
    const made = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    made.onmessage = (event: MessageEvent<SearchReply>) => {
      const message = event.data;
      if (message.type === 'ready') setIndex({ state: 'ready', from: message.from });
      else if (message.type === 'failed') setIndex({ state: 'failed', message: message.message });
      else if (message.id === sent.current.id) setAnswer({ terms: sent.current.terms, hits: message.hits, total: message.total });
    };
    made.onerror = (event) => setIndex({ state: 'failed', message: event.message || t('library_searchWorkerStopped') });
    worker.current = made;
    return () => made.terminate();
  }, [start]);

  // Posted as soon as the query is rendered, not after the next paint (where Preact runs a plain
  // effect): a keystroke's search then starts a frame earlier, ~16 ms of its wait for results.
  useLayoutEffect(() => {
    if (terms.length === 0) setAnswer(null); // a query typed again later waits for its own answer
    if (!worker.current || terms.length === 0) return;
    const id = sent.current.id + 1;
    sent.current = { id, terms };
    const request: SearchRequest = { type: 'search', id, terms: [...terms], filters: { ...filters }, order: [...order], limit: LISTED };
    worker.current.postMessage(request);
  }, [start, terms, filters, order]);

  return { index, answer: answer && sameTerms(answer.terms, terms) ? answer : null };
}

const sameTerms = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((term, i) => term === b[i]);
