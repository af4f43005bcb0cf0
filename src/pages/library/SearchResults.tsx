import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import { searchLibrary, type Filters, type LibraryIndex } from '../../core/library';
import { exportTitle } from '../../core/export/input';
import { excerpt, MAX_QUERY_LENGTH, parseQuery, type SearchDoc, type SearchIndex } from '../../core/search';
import { formatTime } from '../../core/time';
import { Highlighted } from '../shared/Highlighted';
import { TagList } from '../shared/TagEditor';
import { VirtualList } from '../shared/VirtualList';
import { OpenAt } from './OpenAt';
import { SiteBadge } from './SiteBadge';

/** Characters of a long note shown around its first match. */
const EXCERPT = 240;
/** Hits listed; all are counted. Nobody reads 40,000 matches: a word more narrows them. */
const LISTED = 2000;

export function SearchBox({ value, onChange, inputRef }: { value: string; onChange(value: string): void; inputRef: Ref<HTMLInputElement> }) {
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
      />
    </div>
  );
}

interface Props {
  query: string;
  filters: Filters;
  index: LibraryIndex;
  search: SearchIndex;
  /** The transcripts' lines; null while they load, or when there are none. */
  lines: SearchIndex | null;
  onOpenRecording(key: string): void;
}

const KIND: Record<SearchDoc['kind'], string> = { note: 'Note', qa: 'Question', recording: 'Recording', line: 'Transcript' };

export function SearchResults({ query, filters, index, search, lines, onOpenRecording }: Props) {
  const parsed = useMemo(() => parseQuery(query), [query]);
  const filtered = filters.site !== undefined || filters.speaker !== undefined || filters.tag !== undefined;
  const result = useMemo(
    () => {
      if (!parsed.ok || parsed.terms.length === 0) return null;
      return searchLibrary({ docs: search, lines }, parsed.terms, filtered ? (doc) => index.accepts(doc, filters) : undefined, LISTED);
    },
    [parsed, search, lines, index, filters],
  );
  if (!parsed.ok) {
    return (
      <p class="pad search-problem" role="alert">
        {parsed.message} Nothing was searched.
      </p>
    );
  }
  if (!result) return null;
  const { terms } = parsed;
  return (
    <section class="results" aria-label="Search results">
      <p class="result-count" role="status">
        {result.total === 0
          ? `Nothing matches “${query.trim()}”${filtered ? ' with these filters' : ''}.`
          : result.total > result.hits.length
            ? `${result.total.toLocaleString()} matches; the first ${result.hits.length.toLocaleString()} are listed. Add a word to narrow them down.`
            : `${result.total.toLocaleString()} ${result.total === 1 ? 'match' : 'matches'}`}
      </p>
      <VirtualList
        items={result.hits}
        itemKey={(doc) => `${doc.kind}:${doc.id}`}
        estimateSize={84}
        label="Matches"
        class="list-scroll"
        itemProps={(doc) => ({ class: `hit hit-${doc.kind}` })}
        renderItem={(doc) => {
          const recording = index.recordings.get(doc.recordingKey);
          if (!recording) return null;
          const note = doc.kind === 'note' ? index.notes.get(doc.id) : undefined;
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
                <TagList tags={note?.tags} />
                <OpenAt recording={recording} t={doc.t} />
              </div>
            </>
          );
        }}
      />
    </section>
  );
}
