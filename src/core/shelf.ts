/**
 * The library's first screen from what is small: the recordings and their kept counts
 * (core/recording-stats.ts), never a note. A line a recording, the filter menus, the trash's size,
 * and whether a recording passes the filters. Pure, so it is tested without a browser; the shelf
 * is updated from the change log by replacing the rows that changed (`withChanged`), and a page's
 * notes or questions by replacing those read again (`replaceRecords`).
 */
import { foldName as fold, type Filters } from './library';
import type { Recording, SiteId } from './model';
import type { RecordingStats } from './recording-stats';

/** What the first screen reads: every recording and every stats row, by key. */
export interface Shelf {
  recordings: ReadonlyMap<string, Recording>;
  /** Also rows of recordings no longer stored whose notes are (they count in the trash). */
  stats: ReadonlyMap<string, RecordingStats>;
}

export interface RecordingSummary {
  recording: Recording;
  notes: number;
  questions: number;
  /** The newest change to the recording, its notes or its questions (ms). */
  lastEdit: number;
  /** Tags of its live notes, folded to lower case. */
  tags: ReadonlySet<string>;
  /** Its pictures (frames and slides) and the bytes they take. */
  images: number;
  imageBytes: number;
}

/** What the list shows: the summaries most recently edited first, and the menus of the filters. */
export interface ShelfView {
  summaries: RecordingSummary[];
  /** The same recordings by key, in the order of `summaries` (search lists its hits in it). */
  recordings: ReadonlyMap<string, Recording>;
  sites: SiteId[];
  /** Speaker names, once each regardless of case (first spelling wins), sorted. */
  speakers: string[];
  /** Tags of live notes, once each regardless of case, sorted. */
  tags: string[];
  /** Notes and questions in the trash, those of recordings no longer stored included. */
  trashed: number;
}

const foldTag = (tag: string) => tag.toLocaleLowerCase();

/**
 * The list's order: the most recently edited first, then by key, from the last in code-unit order
 * (as IndexedDB orders strings): the order of the stats' [lastEdit+recordingKey] index read
 * backwards, so the first screen can read just its rows (db/shelf.ts `readShelfTop`).
 */
export function byLastEdit(a: RecordingSummary, b: RecordingSummary): number {
  const ka = a.recording.key;
  const kb = b.recording.key;
  return b.lastEdit - a.lastEdit || (ka < kb ? 1 : ka > kb ? -1 : 0);
}

export function shelfFrom(recordings: readonly Recording[], stats: readonly RecordingStats[]): Shelf {
  return { recordings: new Map(recordings.map((recording) => [recording.key, recording])), stats: new Map(stats.map((row) => [row.recordingKey, row])) };
}

/**
 * The shelf with some rows read again: each key given maps to its row as now stored, or to
 * undefined when it is gone. Keys not given keep their row. Returns a new shelf.
 */
export function withChanged(
  shelf: Shelf,
  recordings: ReadonlyMap<string, Recording | undefined>,
  stats: ReadonlyMap<string, RecordingStats | undefined>,
): Shelf {
  const replace = <T>(rows: ReadonlyMap<string, T>, changed: ReadonlyMap<string, T | undefined>) => {
    if (changed.size === 0) return rows;
    const next = new Map(rows);
    for (const [key, row] of changed) {
      if (row === undefined) next.delete(key);
      else next.set(key, row);
    }
    return next;
  };
  return { recordings: replace(shelf.recordings, recordings), stats: replace(shelf.stats, stats) };
}

/** The list and its menus. A recording with no stats row yet counts nothing. */
export function shelfView(shelf: Shelf): ShelfView {
  const summaries: RecordingSummary[] = [];
  const speakers = new Map<string, string>();
  const sites = new Set<SiteId>();
  for (const recording of shelf.recordings.values()) {
    const stats = shelf.stats.get(recording.key);
    summaries.push({
      recording,
      notes: stats?.notes ?? 0,
      questions: stats?.questions ?? 0,
      lastEdit: Math.max(recording.updatedAt, stats?.lastEdit ?? 0),
      tags: new Set(Object.keys(stats?.tags ?? {})),
      images: stats?.images ?? 0,
      imageBytes: stats?.imageBytes ?? 0,
    });
    sites.add(recording.site);
    for (const speaker of recording.speakers ?? []) if (!speakers.has(fold(speaker.name))) speakers.set(fold(speaker.name), speaker.name);
  }
  summaries.sort(byLastEdit);
  const tags = new Map<string, string>();
  let trashed = 0;
  for (const stats of shelf.stats.values()) {
    trashed += stats.trashed;
    for (const [folded, { name }] of Object.entries(stats.tags)) if (!tags.has(folded)) tags.set(folded, name);
  }
  return {
    summaries,
    recordings: new Map(summaries.map((summary) => [summary.recording.key, summary.recording])),
    sites: [...sites].sort(),
    speakers: [...speakers.values()].sort((a, b) => a.localeCompare(b)),
    tags: [...tags.values()].sort((a, b) => a.localeCompare(b)),
    trashed,
  };
}

/** Whether a recording has anything that passes the filters (all of those set). */
export function passesFilters(summary: RecordingSummary, filters: Filters): boolean {
  const { recording } = summary;
  if (filters.site && recording.site !== filters.site) return false;
  if (filters.speaker && !(recording.speakers ?? []).some((speaker) => fold(speaker.name) === fold(filters.speaker ?? ''))) return false;
  if (filters.tag && !summary.tags.has(foldTag(filters.tag))) return false;
  return true;
}

