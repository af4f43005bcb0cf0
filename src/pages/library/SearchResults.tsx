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

/** Characters of a long note shown around its first match. */
const EXCERPT = 240;

export function SearchBox({ value, onChange, onFocus, inputRef }: { value: string; onChange(value: string): void; onFocus(): void; inputRef: Ref<HTMLInputElement> }) {
  return (
    <div class="search" role="search">
      <label class="visually-hidden" for="search">
        Search notes, questions, titles and transcripts
      </label>
      <input
        id="search"
        ref={inputRef}
        type="search"
        value={value}
        placeholder="Search notes, questions, titles and transcripts  ( / )"
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

const KIND: Record<SearchDoc['kind'], string> = { note: 'Note', qa: 'Question', recording: 'Recording', line: 'Transcript' };

export function SearchResults({ query, parsed, filters, index, answer, recordings, onOpenRecording }: Props) {
  if (!parsed.ok) {
    return (
      <p class="pad search-problem" role="alert">
        {parsed.message} Nothing was searched.
      </p>
    );
  }
  if (index.state === 'failed') {
    return (
      <p class="error pad" role="alert">
        Search is not available: {index.message}. Reload the library to try again.
      </p>
    );
  }
  if (!answer) {
    return (
      <p class="muted pad" role="status">
        {index.state === 'loading' ? 'Preparing the search index…' : 'Searching…'}
      </p>
    );
  }
  const { terms } = parsed;
  const filtered = filters.site !== undefined || filters.speaker !== undefined || filters.tag !== undefined;
  return (
    <section class="results" aria-label="Search results" data-query={query}>
      <p class="result-count" role="status">
        {answer.total === 0
          ? `Nothing matches “${query.trim()}”${filtered ? ' with these filters' : ''}.`
          : answer.total > answer.hits.length
            ? `${answer.total.toLocaleString()} matches; the first ${answer.hits.length.toLocaleString()} are listed. Add a word to narrow them down.`
            : `${answer.total.toLocaleString()} ${answer.total === 1 ? 'match' : 'matches'}`}
      </p>
      <VirtualList
        items={answer.hits}
        itemKey={(doc) => `${doc.kind}:${doc.id}`}
        estimateSize={84}
        label="Matches"
        class="list-scroll"
        itemProps={(doc) => ({ class: `hit hit-${doc.kind}` })}
        renderItem={(doc) => {
          const recording = recordings.get(doc.recordingKey);
          if (!recording) return null;
          return (
            <>
              <p class="hit-context muted">
                <span class="kind">{KIND[doc.kind]}</span>
                <SiteBadge site={recording.site} />
                <button type="button" class="link-like recording-link" dir="auto" onClick={() => onOpenRecording(recording.key)}>
                  {exportTitle(recording)}
                </button>
                {doc.t !== undefined && <span class="at">{`${doc.kind === 'line' ? 'said ' : ''}at ${formatTime(doc.t)}`}</span>}
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
