import type { Ref } from 'preact';
import { useMemo } from 'preact/hooks';
import { LibraryIndex, searchDocs, searchLibrary, transcriptDocs, type Filters } from '../../core/library';
import type { Recording } from '../../core/model';
import { exportTitle } from '../../core/export/input';
import { excerpt, MAX_QUERY_LENGTH, parseQuery, SearchIndex, type SearchDoc } from '../../core/search';
import { loadLibrary } from '../../db/library';
import { allTranscripts } from '../../db/transcript-reads';
import { useLiveQuery } from '../shared/live-query';
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
  /** The library's recordings by key, most recently edited first: the order hits are listed in. */
  recordings: ReadonlyMap<string, Recording>;
  onOpenRecording(key: string): void;
}

const KIND: Record<SearchDoc['kind'], string> = { note: 'Note', qa: 'Question', recording: 'Recording', line: 'Transcript' };

export function SearchResults({ query, filters, recordings, onOpenRecording }: Props) {
  // Read and indexed only once the user searches: the list of recordings never waits for it. The
  // transcripts are read and indexed apart, so a new note does not normalise every line again.
  const data = useLiveQuery(loadLibrary, []);
  const transcripts = useLiveQuery(allTranscripts, []);
  const built = useMemo(() => {
    if (data.state !== 'ready') return null;
    return { index: new LibraryIndex(data.value), search: new SearchIndex(searchDocs(data.value, [...recordings.keys()])) };
  }, [data, recordings]);
  const lines = useMemo(() => {
    const docs = transcripts.state === 'ready' ? transcriptDocs(transcripts.value) : [];
    return docs.length > 0 ? new SearchIndex(docs) : null;
  }, [transcripts]);
  const parsed = useMemo(() => parseQuery(query), [query]);
  const filtered = filters.site !== undefined || filters.speaker !== undefined || filters.tag !== undefined;
  const result = useMemo(
    () => {
      if (!built || !parsed.ok || parsed.terms.length === 0) return null;
      const { index, search } = built;
      return searchLibrary({ docs: search, lines }, parsed.terms, filtered ? (doc) => index.accepts(doc, filters) : undefined, LISTED);
    },
    [parsed, built, lines, filters],
  );
  if (!parsed.ok) {
    return (
      <p class="pad search-problem" role="alert">
        {parsed.message} Nothing was searched.
      </p>
    );
  }
  if (!built && parsed.terms.length > 0) return <p class="muted pad">Reading your notes to search them…</p>;
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
          const recording = recordings.get(doc.recordingKey);
          if (!recording) return null;
          const note = doc.kind === 'note' ? built?.index.notes.get(doc.id) : undefined;
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
