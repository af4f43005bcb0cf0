import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import { statsOf, type RecordingStats } from '../core/recording-stats';
import type { Change } from './changes';
import type { KeptSearchIndex } from './search-index';
import { writeLog } from './write-log';
import type { Tombstone, TombstoneKind } from '../core/sync/tombstones';
import { UNOWNED_PANEL, type Draft, type Note, type QaItem, type Recording, type RecordingImage, type Transcript } from '../core/model';

export const DB_NAME = 'webinar-notes';

export interface SettingRow {
  key: string;
  value: unknown;
}

/**
 * Every schema the database has had, oldest first. A change is a new entry, never an edit of an
 * old one: Dexie needs the history to upgrade a database made by any earlier release. An upgrade
 * uses only the transaction it is given and returns its promise.
 * The upgrade test (test/unit/db-upgrade.test.ts) seeds a database at each version and opens it
 * with the latest.
 */
export const SCHEMA_HISTORY: readonly {
  version: number;
  /** Each store's indexes; `null` deletes a store (after the upgrade has read it). */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<unknown>;
}[] = [
  {
    version: 1,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      drafts: 'recordingKey',
      settings: 'key',
    },
  },
  {
    // Notes link to Q&A items and carry tags: multi-entry indexes find a question's notes and a
    // tag's notes. Existing notes have neither field, which the indexes simply skip: no upgrade.
    version: 2,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      drafts: 'recordingKey',
      settings: 'key',
    },
  },
  {
    // A draft belongs to the panel it is typed in, not only to the recording: two tabs on one
    // video each keep theirs (one slot a recording lost the first tab's text to the second).
    // IndexedDB cannot change a store's key, so drafts move to a new store; the old ones keep
    // no owner, so every panel of their recording offers them.
    version: 3,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      drafts: null,
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      settings: 'key',
    },
    upgrade: async (tx) => {
      const old = (await tx.table('drafts').toArray()) as Omit<Draft, 'panelId'>[];
      await tx.table('panelDrafts').bulkPut(old.map((draft) => ({ ...draft, panelId: UNOWNED_PANEL })));
    },
  },
  {
    // Captions as far as they are known, one row a recording and language (core/model.ts
    // `Transcript`): a row holds the track's cues, read and written whole. A new store; notes
    // gain an optional `quote`, which needs no index: no upgrade.
    version: 4,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      transcripts: '[recordingKey+lang], recordingKey, updatedAt',
      settings: 'key',
    },
  },
  {
    // The library's first screen without reading a note: a row of counts a recording, kept true
    // in the transaction of every write (write-log.ts), and a log of what changed, so the library,
    // its search index and a panel read only that. Both are computed or started here.
    version: 5,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      transcripts: '[recordingKey+lang], recordingKey, updatedAt',
      settings: 'key',
      recordingStats: 'recordingKey',
      changes: '++seq',
    },
    upgrade: async (tx) => {
      const [recordings, notes, qa] = await Promise.all([tx.table('recordings').toArray(), tx.table('notes').toArray(), tx.table('qa').toArray()]);
      await tx.table('recordingStats').bulkPut([...statsOf({ recordings, notes, qa }).values()]);
    },
  },
  {
    // The library's search index, kept between visits (db/search-index.ts): one row by name, made
    // and caught up from the change log by the library's worker. Derived: nothing to upgrade.
    version: 6,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      transcripts: '[recordingKey+lang], recordingKey, updatedAt',
      settings: 'key',
      recordingStats: 'recordingKey',
      changes: '++seq',
      searchIndex: 'name',
    },
  },
  {
    // Pictures of a recording (core/model.ts `RecordingImage`): frames attached to notes, and
    // slides. Found by recording (the library's "Delete images", exports), by note (a note's row,
    // a draft's frames) and in time order. Each recording's counts gain the pictures' number and
    // bytes; there are none yet, so every kept row starts at zero.
    version: 7,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      transcripts: '[recordingKey+lang], recordingKey, updatedAt',
      settings: 'key',
      recordingStats: 'recordingKey',
      changes: '++seq',
      searchIndex: 'name',
      images: 'id, recordingKey, noteId, [recordingKey+t]',
    },
    upgrade: async (tx) => {
      await tx.table('recordingStats').toCollection().modify((row: Partial<RecordingStats>) => {
        row.images = 0;
        row.imageBytes = 0;
      });
    },
  },
  {
    // The library's first screen reads only the recordings most recently edited (db/shelf.ts
    // readShelfTop), in the list's order: by their kept counts' lastEdit, then key. IndexedDB
    // fills a new index from the rows already stored: nothing to upgrade.
    version: 8,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      transcripts: '[recordingKey+lang], recordingKey, updatedAt',
      settings: 'key',
      recordingStats: 'recordingKey, [lastEdit+recordingKey]',
      changes: '++seq',
      searchIndex: 'name',
      images: 'id, recordingKey, noteId, [recordingKey+t]',
    },
  },
  {
    // Sync (issue 16): what "Empty trash" deleted for good leaves a tombstone (core/sync/
    // tombstones.ts), by kind and id, found by recording (the sync file that carries it), so the
    // purge reaches other devices. A new store: nothing to upgrade.
    version: 9,
    stores: {
      recordings: 'key, updatedAt',
      notes: 'id, recordingKey, [recordingKey+t], updatedAt, deletedAt, *qaIds, *tags',
      qa: 'id, recordingKey, updatedAt, deletedAt',
      panelDrafts: '[panelId+recordingKey], recordingKey, updatedAt',
      transcripts: '[recordingKey+lang], recordingKey, updatedAt',
      settings: 'key',
      recordingStats: 'recordingKey, [lastEdit+recordingKey]',
      changes: '++seq',
      searchIndex: 'name',
      images: 'id, recordingKey, noteId, [recordingKey+t]',
      tombstones: '[kind+id], recordingKey',
    },
  },
];

export class NotesDatabase extends Dexie {
  recordings!: EntityTable<Recording, 'key'>;
  notes!: EntityTable<Note, 'id'>;
  qa!: EntityTable<QaItem, 'id'>;
  panelDrafts!: Table<Draft, [string, string]>;
  transcripts!: Table<Transcript, [string, string]>;
  settings!: EntityTable<SettingRow, 'key'>;
  recordingStats!: EntityTable<RecordingStats, 'recordingKey'>;
  changes!: EntityTable<Change, 'seq'>;
  searchIndex!: EntityTable<KeptSearchIndex, 'name'>;
  images!: EntityTable<RecordingImage, 'id'>;
  tombstones!: Table<Tombstone, [TombstoneKind, string]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1], upTo = Infinity) {
    super(name, options);
    for (const step of SCHEMA_HISTORY) {
      if (step.version > upTo) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    this.use(writeLog);
  }
}

let shared: NotesDatabase | undefined;

/** The database of the extension's origin; opened once per page or worker. */
export function db(): NotesDatabase {
  shared ??= new NotesDatabase();
  return shared;
}
