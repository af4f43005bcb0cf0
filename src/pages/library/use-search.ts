import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Filters } from '../../core/library';
import type { SearchDoc } from '../../core/search';
import type { IndexSource, MoreRequest, SearchReply, SearchRequest } from './search-protocol';
import { t } from '../../core/i18n';

export type SearchState =
  | { state: 'loading' }
  | { state: 'ready'; from: IndexSource }
  | { state: 'failed'; message: string };

export interface SearchAnswer {
  /** The request's terms, so the page can tell an answer to what it shows from a stale one. */
  terms: readonly string[];
  /** The hits received so far: the first part, then all `listed` once the rest came. */
  hits: SearchDoc[];
  /** How many hits the answer lists (at most LISTED). */
  listed: number;
  total: number;
  /** The request answered. */
  id: number;
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
  const sent = useRef<{ id: number; terms: readonly string[]; filters?: Filters; order?: readonly string[] }>({ id: 0, terms: [] });

  // A layout effect, like the posting one below and before it: on the render where the search
  // starts (the box focused and typed in at once), the worker exists when the first query is posted.
  useLayoutEffect(() => {
    if (!start) return;
    const made = new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' });
    made.onmessage = (event: MessageEvent<SearchReply>) => {
      const message = event.data;
      if (message.type === 'ready') setIndex({ state: 'ready', from: message.from });
      else if (message.type === 'failed') setIndex({ state: 'failed', message: message.message });
      else if (message.id !== sent.current.id) return;
      else if (message.type === 'result') setAnswer({ terms: sent.current.terms, hits: message.hits, listed: message.listed, total: message.total, id: message.id });
      else setAnswer((shown) => (shown?.id === message.id && shown.hits.length < shown.listed ? { ...shown, hits: [...shown.hits, ...message.hits] } : shown));
    };
    made.onerror = (event) => setIndex({ state: 'failed', message: event.message || t('library_searchWorkerStopped') });
    worker.current = made;
    sent.current = { id: sent.current.id, terms: [] }; // nothing asked of this worker yet
    return () => made.terminate();
  }, [start]);

  /** Posts the query unless it is the one last posted (same terms, the same filters and order objects). */
  const ask = (askTerms: readonly string[], askFilters: Filters, askOrder: readonly string[]) => {
    if (!worker.current || askTerms.length === 0) return;
    const last = sent.current;
    if (last.filters === askFilters && last.order === askOrder && sameTerms(last.terms, askTerms)) return;
    const id = last.id + 1;
    sent.current = { id, terms: askTerms, filters: askFilters, order: askOrder };
    const request: SearchRequest = { type: 'search', id, terms: [...askTerms], filters: { ...askFilters }, order: [...askOrder], limit: LISTED };
    worker.current.postMessage(request);
  };

  // Whatever changed the query (a filter, the list's order, the worker started) asks as soon as
  // it is rendered, not after the next paint (where Preact runs a plain effect). A keystroke asks
  // sooner still, from its input event (`typed`): the page renders only after that.
  useLayoutEffect(() => {
    if (terms.length === 0) {
      // A query typed again later is asked again and waits for its own answer, not a late one.
      setAnswer(null);
      sent.current = { id: sent.current.id + 1, terms: [] };
    }
    ask(terms, filters, order);
  }, [start, terms, filters, order]);

  // The rest of an answer's hits are asked for once its first part is painted (a plain effect runs
  // after paint), so copying them never delays the keystroke's results.
  useEffect(() => {
    if (!answer || answer.hits.length >= answer.listed || !worker.current) return;
    const more: MoreRequest = { type: 'more', id: answer.id };
    worker.current.postMessage(more);
  }, [answer?.id, answer?.listed, answer?.hits]);

  return {
    index,
    answer: answer && sameTerms(answer.terms, terms) ? answer : null,
    /** Posts the terms of what was just typed with the current filters and order. */
    typed: (typedTerms: readonly string[]) => ask(typedTerms, filters, order),
  };
}

const sameTerms = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((term, i) => term === b[i]);
