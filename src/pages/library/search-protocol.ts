/**
 * The messages between the library page and its search worker (search.worker.ts). Both ends are
 * the extension's own code in the extension's origin: a worker can be messaged only by the page
 * that made it.
 */
import type { Filters } from '../../core/library';
import type { SearchDoc } from '../../core/search';

export interface SearchRequest {
  type: 'search';
  /** Ascending per page: an answer to an older request than the newest is dropped. */
  id: number;
  /** Normalised terms, as parseQuery gives them. */
  terms: string[];
  filters: Filters;
  /** Recording keys in the order hits are shown (the library's order). */
  order: string[];
  /** Hits returned at most; every match is counted. */
  limit: number;
}

/** The rest of the hits of the answer to request `id`, asked once its first part is on screen. */
export interface MoreRequest {
  type: 'more';
  id: number;
}

/** Where the worker's index came from when it became ready. */
export type IndexSource = 'kept' | 'built';

export type SearchReply =
  | { type: 'ready'; from: IndexSource; docs: number }
  /**
   * The answer to request `id`: its first hits (a screenful), how many it lists in all (at most the
   * limit) and how many match. The rest follow as `more` when the page asks for them.
   */
  | { type: 'result'; id: number; hits: SearchDoc[]; listed: number; total: number }
  | { type: 'more'; id: number; hits: SearchDoc[] }
  | { type: 'failed'; message: string };
