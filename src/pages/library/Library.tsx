import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Filters } from '../../core/library';
import { passesFilters, shelfFrom, shelfView, withChanged, type Shelf } from '../../core/shelf';
import { SITE_NAMES } from '../../core/sites';
import type { Change } from '../../db/changes';
import { readShelf, shelfRowsChanged } from '../../db/shelf';
import { useChangeLog } from '../shared/use-change-log';
import { BackupBar } from './BackupBar';
import { RecordingList } from './RecordingList';
import { RecordingPage } from './RecordingPage';
import { SearchBox, SearchResults } from './SearchResults';
import { useFirstScreen } from './use-first-screen';
import { useSearch } from './use-search';
import { parseQuery } from '../../core/search';
import { TrashList } from './TrashList';
import { useRoute } from './route';
import browser from '../../platform/browser';
import { OPTIONS_PAGE } from '../../platform/manifest';
import { t } from '../../core/i18n';

async function loadShelf(): Promise<{ value: Shelf; mark: number }> {
  const { recordings, stats, mark } = await readShelf();
  return { value: shelfFrom(recordings, stats), mark };
}

/** The shelf with the rows the changes touched read again (null: read it whole). */
async function updateShelf(shelf: Shelf, changes: readonly Change[]): Promise<Shelf | null> {
  if (!changes.some((change) => change.table !== 'transcripts')) return shelf;
  const rows = await shelfRowsChanged(changes);
  return rows && withChanged(shelf, rows.recordings, rows.stats);
}

const NO_TERMS: readonly string[] = [];
/** After the first screen, ms: long enough for a glance at the list, short enough to be ready for a search. */
const SEARCH_START_DELAY_MS = 2000;

/** Every recording, search across all of them, the trash, and backups. */
export function Library() {
  // The first screen reads the recordings most recently edited and their kept counts; once it is
  // drawn, every recording and its counts, never a note; after that only the rows the change log
  // names are read again.
  const { first, drawn } = useFirstScreen();
  const shelf = useChangeLog(loadShelf, updateShelf, [], drawn);
  const [route, go] = useRoute();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const searchBox = useRef<HTMLInputElement>(null);
  const view = useMemo(() => (shelf.state === 'ready' ? shelfView(shelf.value) : null), [shelf]);
  const parsed = useMemo(() => parseQuery(query), [query]);
  const order = useMemo(() => (view ? [...view.recordings.keys()] : []), [view]);
  // The search worker starts when the user goes to the search box, or a moment after the first
  // screen: its reads (the kept index, tens of MB) never compete with the list being drawn.
  const [searchWanted, setSearchWanted] = useState(false);
  const shown = view !== null;
  useEffect(() => {
    if (!shown) return;
    const timer = setTimeout(() => setSearchWanted(true), SEARCH_START_DELAY_MS);
    return () => clearTimeout(timer);
  }, [shown]);
  const search = useSearch(shown && searchWanted, parsed.ok ? parsed.terms : NO_TERMS, filters, order);
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

  const listed = useMemo(() => view?.summaries.filter((summary) => passesFilters(summary, filters)) ?? [], [view, filters]);
  // Until the whole shelf is read, the list of recordings shows the first screen's (no filters yet).
  const firstListed = route.page === 'recordings' && query.trim() === '';
  const filter = (name: keyof Filters, value: string) => setFilters({ ...filters, [name]: value || undefined });
  const recording = route.page === 'recording' ? view?.summaries.find((summary) => summary.recording.key === route.key) : undefined;

  return (
    <div class="library" data-search-index={search.index.state === 'ready' ? search.index.from : search.index.state}>
      <header class="library-head">
        <h1>
          <a href="#">{t('library_heading')}</a>
        </h1>
        <SearchBox inputRef={searchBox} value={query} onFocus={() => setSearchWanted(true)} onChange={(value) => {
          // The worker hears of the query before the page renders for it (that render is then
          // not on the way to the results); the render's own ask sees it was posted.
          const typed = parseQuery(value);
          if (typed.ok) search.typed(typed.terms);
          setQuery(value);
          setSearchWanted(true);
          if (route.page !== 'recordings') go({ page: 'recordings' });
        }} />
        <nav class="views" aria-label={t('library_views')}>
          <a href="#" aria-current={route.page === 'recordings' ? 'page' : undefined}>
            {view ? t('library_recordingsTabCount', view.summaries.length) : first ? t('library_recordingsTabCount', first.total) : t('library_recordings')}
          </a>
          <a href="#trash" aria-current={route.page === 'trash' ? 'page' : undefined}>
            {view ? t('library_trashTabCount', view.trashed) : t('library_trash')}
          </a>
          <a href={browser.runtime.getURL(OPTIONS_PAGE)} target="_blank" rel="noopener">
            {t('library_settings')}
          </a>
        </nav>
      </header>
      {view && route.page === 'recordings' && (
        <div class="filters" role="group" aria-label={t('library_filters')}>
          <FilterSelect
            id="filter-site"
            label={t('library_filterSite')}
            any={t('library_filterSiteAny')}
            value={filters.site}
            options={view.sites.map((site) => [site, SITE_NAMES[site]])}
            nameOf={(value) => SITE_NAMES[value as keyof typeof SITE_NAMES] ?? value}
            onChange={(value) => filter('site', value)}
          />
          <FilterSelect
            id="filter-speaker"
            label={t('library_filterSpeaker')}
            any={t('library_filterSpeakerAny')}
            value={filters.speaker}
            options={view.speakers.map((name) => [name, name])}
            onChange={(value) => filter('speaker', value)}
          />
          <FilterSelect
            id="filter-tag"
            label={t('library_filterTag')}
            any={t('library_filterTagAny')}
            value={filters.tag}
            options={view.tags.map((tag) => [tag, tag])}
            onChange={(value) => filter('tag', value)}
          />
        </div>
      )}
      <main class="library-main">
        {shelf.state === 'loading' && !(firstListed && first) && <p class="muted pad">{t('library_loading')}</p>}
        {shelf.state === 'loading' && firstListed && first && (
          <RecordingList summaries={first.view.summaries} total={first.total} filtered={false} onOpen={(key) => go({ page: 'recording', key })} />
        )}
        {shelf.state === 'failed' && (
          <p class="error pad" role="alert">
            {t('library_notesFailed', shelf.error.message)}
          </p>
        )}
        {view && route.page === 'recordings' && query.trim() === '' && (
          <RecordingList
            summaries={listed}
            total={view.summaries.length}
            filtered={listed.length !== view.summaries.length}
            onOpen={(key) => go({ page: 'recording', key })}
          />
        )}
        {view && route.page === 'recordings' && query.trim() !== '' && (
          <SearchResults
            query={query}
            parsed={parsed}
            filters={filters}
            index={search.index}
            answer={search.answer}
            recordings={view.recordings}
            onOpenRecording={(key) => go({ page: 'recording', key })}
          />
        )}
        {view && route.page === 'recording' && (
          recording ? (
            <RecordingPage key={recording.recording.key} recording={recording.recording} images={recording.images} imageBytes={recording.imageBytes} />
          ) : (
            <p class="pad" role="alert">
              {t('library_recordingGone')} <a href="#">{t('library_seeAllRecordings')}</a>
            </p>
          )
        )}
        {view && route.page === 'trash' && <TrashList recordings={view.recordings} />}
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
  const shown = value && !options.some(([option]) => option === value) ? [...options, [value, t('library_filterNoneLeft', nameOf?.(value) ?? value)] as const] : options;
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
