import type { Ref } from 'preact';
import type { Filters } from '../../core/library';
import type { Recording } from '../../core/model';
import { exportTitle } from '../../core/export/input';
import { excerpt, MAX_QUERY_LENGTH, type ParsedQuery, type SearchDoc } from '../../core/search';
import { formatTime } from '../../core/time';
import { Highlighted } from '../shared/Highlighted';
import { TagList } from '../shared/TagEditor';
import { VirtualList } from '../shared/VirtualList';
import { OpenAt } from './OpenAt';
import { SiteBadge } from './SiteBadge';
import type { SearchAnswer, SearchState } from './use-search';
import { plural, t, type MessageKey } from '../../core/i18n';

/** Characters of a long note shown around its first match. */
const EXCERPT = 240;

export function SearchBox({ value, onChange, onFocus, inputRef }: { value: string; onChange(value: string): void; onFocus(): void; inputRef: Ref<HTMLInputElement> }) {
  return (
    <div class="search" role="search">
      <label class="visually-hidden" for="search">
        {t('library_searchLabel')}
      </label>
      <input
        id="search"
        ref={inputRef}
        type="search"
        value={value}
        placeholder={t('library_searchPlaceholder', '/')}
        autocomplete="off"
        spellcheck={false}
        // Typing past the limit is allowed so a pasted query can be seen and shortened; the
        // message below says what is wrong.
        maxLength={MAX_QUERY_LENGTH * 100}
        onInput={(event) => onChange(event.currentTarget.value)}
        onFocus={onFocus}
      />
    </div>
  );
}

interface Props {
  query: string;
  parsed: ParsedQuery;
  filters: Filters;
  /** The search worker's state and its answer to this query (null until it comes). */
  index: SearchState;
  answer: SearchAnswer | null;
  /** The library's recordings by key. */
  recordings: ReadonlyMap<string, Recording>;
  onOpenRecording(key: string): void;
}

const KIND: Record<SearchDoc['kind'], MessageKey> = { note: 'library_kindNote', qa: 'library_kindQuestion', recording: 'library_kindRecording', line: 'library_kindTranscript' };

export function SearchResults({ query, parsed, filters, index, answer, recordings, onOpenRecording }: Props) {
  if (!parsed.ok) {
    return (
      <p class="pad search-problem" role="alert">
        {t('library_queryProblem', parsed.message)}
      </p>
    );
  }
  if (index.state === 'failed') {
    return (
      <p class="error pad" role="alert">
        {t('library_searchFailed', index.message)}
      </p>
    );
  }
  if (!answer) {
    return (
      <p class="muted pad" role="status">
        {t(index.state === 'loading' ? 'library_searchPreparing' : 'library_searching')}
      </p>
    );
  }
  const { terms } = parsed;
  const filtered = filters.site !== undefined || filters.speaker !== undefined || filters.tag !== undefined;
  return (
    <section class="results" aria-label={t('library_searchResults')} data-query={query}>
      <p class="result-count" role="status">
        {answer.total === 0
          ? t(filtered ? 'library_noMatchFiltered' : 'library_noMatch', query.trim())
          : answer.total > answer.listed
            ? t('library_tooManyMatches', answer.total, answer.listed)
            : plural('library_matchCount', answer.total)}
      </p>
      <VirtualList
        items={answer.hits}
        itemKey={(doc) => `${doc.kind}:${doc.id}`}
        estimateSize={84}
        label={t('library_matches')}
        class="list-scroll"
        itemProps={(doc) => ({ class: `hit hit-${doc.kind}` })}
        renderItem={(doc) => {
          const recording = recordings.get(doc.recordingKey);
          if (!recording) return null;
          return (
            <>
              <p class="hit-context muted">
                <span class="kind">{t(KIND[doc.kind])}</span>
                <SiteBadge site={recording.site} />
                <button type="button" class="link-like recording-link" dir="auto" onClick={() => onOpenRecording(recording.key)}>
                  {exportTitle(recording)}
                </button>
                {doc.t !== undefined && <span class="at">{t(doc.kind === 'line' ? 'library_saidAt' : 'library_at', formatTime(doc.t))}</span>}
              </p>
              <p class="hit-text" dir="auto">
                <Highlighted parts={excerpt(doc.text, terms, EXCERPT)} />
              </p>
              <div class="hit-actions">
                <TagList tags={doc.tags} />
                <OpenAt recording={recording} t={doc.t} />
              </div>
            </>
          );
        }}
      />
    </section>
  );
}
