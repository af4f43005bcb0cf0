import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LibraryIndex, searchDocs, sitesIn, speakerNames, summarize, trashItems, transcriptDocs, type Filters } from '../../core/library';
import { SITE_NAMES } from '../../core/sites';
import { SearchIndex } from '../../core/search';
import { allTags } from '../../core/tags';
import { isLive } from '../../core/records';
import { loadLibrary } from '../../db/library';
import { allTranscripts } from '../../db/transcript-reads';
import { useLiveQuery } from '../shared/live-query';
import { BackupBar } from './BackupBar';
import { RecordingList } from './RecordingList';
import { RecordingPage } from './RecordingPage';
import { SearchBox, SearchResults } from './SearchResults';
import { TrashList } from './TrashList';
import { useRoute } from './route';
import browser from '../../platform/browser';
import { OPTIONS_PAGE } from '../../platform/manifest';

/** Every recording, search across all of them, the trash, and backups. */
export function Library() {
  const data = useLiveQuery(loadLibrary, []);
  // Read and indexed apart from the notes: a new note does not normalise every line again, and
  // the notes show without waiting for the transcripts. Indexed only once the user has searched:
  // a library opened to read or export never pays for normalising every line.
  const transcripts = useLiveQuery(allTranscripts, []);
  const [searched, setSearched] = useState(false);
  const lines = useMemo(() => {
    const docs = searched && transcripts.state === 'ready' ? transcriptDocs(transcripts.value) : [];
    return docs.length > 0 ? new SearchIndex(docs) : null;
  }, [transcripts, searched]);
  const [route, go] = useRoute();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const searchBox = useRef<HTMLInputElement>(null);

  // Built once per change of the data, not per keystroke: a search then only scans.
  const view = useMemo(() => {
    if (data.state !== 'ready') return null;
    const index = new LibraryIndex(data.value);
    const summaries = summarize(data.value);
    return {
      index,
      summaries,
      search: new SearchIndex(searchDocs(data.value, summaries.map((summary) => summary.recording.key))),
      trash: trashItems(data.value, index.recordings),
      tags: allTags(data.value.notes.filter(isLive)),
      speakers: speakerNames(data.value.recordings),
      sites: sitesIn(data.value.recordings),
    };
  }, [data]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof Element && event.target.closest('input, textarea, select, [contenteditable]') !== null;
      if (event.key === '/' && !typing) {
        event.preventDefault();
        searchBox.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const filter = (name: keyof Filters, value: string) => setFilters({ ...filters, [name]: value || undefined });
  const recording = route.page === 'recording' ? view?.index.recordings.get(route.key) : undefined;

  return (
    <div class="library">
      <header class="library-head">
        <h1>
          <a href="#">Webinar Notes library</a>
        </h1>
        <SearchBox inputRef={searchBox} value={query} onChange={(value) => {
          setQuery(value);
          if (value.trim() !== '') setSearched(true);
          if (route.page !== 'recordings') go({ page: 'recordings' });
        }} />
        <nav class="views" aria-label="Views">
          <a href="#" aria-current={route.page === 'recordings' ? 'page' : undefined}>
            Recordings{view ? ` (${view.summaries.length.toLocaleString()})` : ''}
          </a>
          <a href="#trash" aria-current={route.page === 'trash' ? 'page' : undefined}>
            Trash{view ? ` (${view.trash.length.toLocaleString()})` : ''}
          </a>
          <a href={browser.runtime.getURL(OPTIONS_PAGE)} target="_blank" rel="noopener">
            Settings
          </a>
        </nav>
      </header>
      {view && route.page === 'recordings' && (
        <div class="filters" role="group" aria-label="Filters">
          <FilterSelect
            id="filter-site"
            label="Site"
            any="All sites"
            value={filters.site}
            options={view.sites.map((site) => [site, SITE_NAMES[site]])}
            nameOf={(value) => SITE_NAMES[value as keyof typeof SITE_NAMES] ?? value}
            onChange={(value) => filter('site', value)}
          />
          <FilterSelect
            id="filter-speaker"
            label="Speaker"
            any="Anyone"
            value={filters.speaker}
            options={view.speakers.map((name) => [name, name])}
            onChange={(value) => filter('speaker', value)}
          />
          <FilterSelect
            id="filter-tag"
            label="Tag"
            any="Any tag"
            value={filters.tag}
            options={view.tags.map((tag) => [tag, tag])}
            onChange={(value) => filter('tag', value)}
          />
        </div>
      )}
      <main class="library-main">
        {data.state === 'loading' && <p class="muted pad">Loading your notes…</p>}
        {data.state === 'failed' && (
          <p class="error pad" role="alert">
            The notes could not be read: {data.error.message}
          </p>
        )}
        {view && route.page === 'recordings' && query.trim() === '' && (
          <RecordingList
            summaries={view.summaries.filter((summary) => view.index.recordingMatches(summary.recording, filters))}
            total={view.summaries.length}
            onOpen={(key) => go({ page: 'recording', key })}
          />
        )}
        {view && route.page === 'recordings' && query.trim() !== '' && (
          <SearchResults query={query} filters={filters} index={view.index} search={view.search} lines={lines} onOpenRecording={(key) => go({ page: 'recording', key })} />
        )}
        {view && route.page === 'recording' && (
          recording ? (
            <RecordingPage key={recording.key} recording={recording} notes={data.state === 'ready' ? data.value.notes : []} qa={data.state === 'ready' ? data.value.qa : []} />
          ) : (
            <p class="pad" role="alert">
              This recording is no longer in the library. <a href="#">See all recordings</a>
            </p>
          )
        )}
        {view && route.page === 'trash' && <TrashList items={view.trash} />}
      </main>
      <BackupBar />
    </div>
  );
}

interface FilterProps {
  id: string;
  label: string;
  /** The choice that filters nothing. */
  any: string;
  value: string | undefined;
  /** [value, label] pairs. */
  options: readonly (readonly [string, string])[];
  /** A value's label when it is no longer among the options; the value itself without this. */
  nameOf?(value: string): string;
  onChange(value: string): void;
}

function FilterSelect({ id, label, any, value, options, nameOf, onChange }: FilterProps) {
  // A chosen value the data no longer has (its last note was deleted, say) still filters: show it.
  const shown = value && !options.some(([option]) => option === value) ? [...options, [value, `${nameOf?.(value) ?? value} (none left)`] as const] : options;
  return (
    <span>
      <label for={id}>{label}</label>{' '}
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value)}>
        <option value="">{any}</option>
        {shown.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </span>
  );
}
