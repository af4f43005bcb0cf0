/**
 * Every write to recordings, notes, questions, transcripts and images, seen inside its own transaction
 * (a Dexie DBCore middleware): it keeps each recording's `recordingStats` row true
 * (core/recording-stats.ts) and appends what changed to the `changes` log (db/changes.ts). Being
 * below every write path (panel, library, import, upgrade-free restore, sync) it cannot be
 * forgotten by one, and being in the same transaction it commits or rolls back with the write.
 *
 * A readwrite transaction on a watched store is widened to the two bookkeeping stores (and to
 * `recordings`, which tells whether an empty row may go), as Dexie Cloud widens its own to its
 * mutation logs; and to `settings`, where a large write raises the log's floor.
 */
import Dexie, { type DBCore, type DBCoreRangeType, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import type { Note, QaItem, Recording, RecordingImage } from '../core/model';
import { countImage, countRecord, countRecording, emptyStats, isEmptyStats, type CountedKind, type RecordingStats } from '../core/recording-stats';
import type { ChangedTable, Change } from './changes';

export const STATS_STORE = 'recordingStats';
export const CHANGES_STORE = 'changes';
/** The `settings` row holding the log's floor (db/changes.ts): every change at or below it is gone. */
export const CHANGES_FLOOR_KEY = 'changes.floor';
/**
 * A write of more records than this in one request (an import's chunk) is not logged record by
 * record: the log's floor is raised past it instead, which tells every reader to read everything
 * again. Each reader would choose that anyway past a few thousand changes (the search index past
 * 3,000, the shelf past 1,000), and a row per record made a 100,000-note import write twice.
 */
export const MAX_LOGGED_PER_WRITE = 3000;

const COUNTED: Partial<Record<string, CountedKind>> = { notes: 'note', qa: 'qa' };
/** Stores whose rows' old values the counts need: counted records, and images (their bytes and recording). */
const BEFORE_NEEDED = new Set(['notes', 'qa', 'images']);
const WATCHED = new Set<string>(['recordings', 'notes', 'qa', 'transcripts', 'images'] satisfies ChangedTable[]);

/** The middleware; a database opened at a version without the bookkeeping stores is left alone. */
export const writeLog: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'writeLog',
  create(down) {
    const names = new Set(down.schema.tables.map((table) => table.name));
    if (!names.has(STATS_STORE) || !names.has(CHANGES_STORE)) return down;
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened = mode === 'readwrite' && stores.some((store) => WATCHED.has(store)) ? [...new Set([...stores, STATS_STORE, CHANGES_STORE, 'recordings', 'settings'])] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!WATCHED.has(name)) return table;
        return { ...table, mutate: (req) => logged(down, table, name as ChangedTable, req) };
      },
    };
  },
};

/**
 * Dexie keeps the running transaction in a zone ("PSD") that a native `await` does not carry into
 * a middleware's continuations, and the layers below read it; each call down runs in the zone the
 * write was made in, as Dexie's own hooks middleware does.
 */
interface Zones {
  PSD: unknown;
  usePSD<T>(zone: unknown, fn: () => T): T;
}
const zones = Dexie.Promise as unknown as Zones;

async function logged(down: DBCore, table: DBCoreTable, name: ChangedTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  const zone = zones.PSD;
  const inZone = <T>(call: () => Promise<T>): Promise<T> => zones.usePSD(zone, call);
  const keys = await inZone(() => keysOf(table, req));
  // Only a counted row's old value matters (a transcript's is large and never needed).
  const before: unknown[] = BEFORE_NEEDED.has(name) && keys.length > 0 ? await inZone(() => table.getMany({ trans: req.trans, keys })) : [];
  const response = await inZone(() => table.mutate(req));
  const written = (i: number) => !(i in response.failures);
  const after: unknown[] = req.type === 'add' || req.type === 'put' ? [...req.values] : keys.map(() => undefined);
  // A key given twice in one request: its second write replaces the first, not the stored row.
  const latest = new Map<string, unknown>();
  const changed = keys.flatMap((key, i) => {
    if (!written(i)) return [];
    const id = JSON.stringify(key);
    const was = latest.has(id) ? latest.get(id) : before[i];
    latest.set(id, after[i]);
    return [{ key, before: was, after: after[i] }];
  });
  if (changed.length === 0) return response;
  await restat(inZone, down, req.trans, name, changed);
  if (changed.length > MAX_LOGGED_PER_WRITE) {
    await raiseFloor(inZone, down, req.trans, name);
    return response;
  }
  await inZone(() => down.table(CHANGES_STORE).mutate({
    type: 'add',
    trans: req.trans,
    values: changed.map(({ key, before: was, after: is }): Omit<Change, 'seq'> => {
      const image = (is ?? was) as RecordingImage | undefined;
      return name === 'images' && image ? { table: name, key: key as string, recordingKey: image.recordingKey } : { table: name, key: key as Change['key'] };
    }),
  }));
  return response;
}

/** DBCoreRangeType.Range: the enum is declared `const` and cannot be read under isolatedModules. */
const RANGE = 2 as DBCoreRangeType;

/**
 * Stands for a write too large to log record by record: one change row takes the next `seq`, every
 * row before it is deleted and the floor goes up to it, as pruning does (db/changes.ts), so every
 * reader's mark is behind the floor and the log's end has moved for those who watch it. The row
 * stays: the log's last `seq` is then never below the floor, whoever reads it alone.
 */
async function raiseFloor(inZone: <T>(call: () => Promise<T>) => Promise<T>, down: DBCore, trans: DBCoreTransaction, name: ChangedTable): Promise<void> {
  const changes = down.table(CHANGES_STORE);
  const added = await inZone(() => changes.mutate({ type: 'add', trans, values: [{ table: name, key: '' }] }));
  const seq = added.results?.[0] as number;
  await inZone(() => changes.mutate({ type: 'deleteRange', trans, range: { type: RANGE, lower: -Infinity, lowerOpen: false, upper: seq, upperOpen: true } }));
  await inZone(() => down.table('settings').mutate({ type: 'put', trans, values: [{ key: CHANGES_FLOOR_KEY, value: seq }] }));
}

/** The primary keys a request writes or deletes, in the order of its values. */
async function keysOf(table: DBCoreTable, req: DBCoreMutateRequest): Promise<unknown[]> {
  switch (req.type) {
    case 'add':
    case 'put': {
      const extract = table.schema.primaryKey.extractKey;
      return req.keys ?? req.values.map((value) => extract?.(value));
    }
    case 'delete':
      return req.keys;
    case 'deleteRange': {
      const found = await table.query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } });
      return found.result;
    }
  }
}

interface Written {
  key: unknown;
  before: unknown;
  after: unknown;
}

/** Applies the writes to the stats rows of the recordings they touch. */
async function restat(inZone: <T>(call: () => Promise<T>) => Promise<T>, down: DBCore, trans: DBCoreTransaction, name: ChangedTable, changed: readonly Written[]): Promise<void> {
  if (name === 'transcripts') return;
  const kind = COUNTED[name];
  const recordingKeyOf = (row: unknown) => (name === 'recordings' ? (row as Recording).key : (row as Note | QaItem | RecordingImage).recordingKey);
  const touched = [
    ...new Set(
      name === 'recordings'
        ? changed.map(({ key }) => key as string)
        : changed.flatMap(({ before, after }) => [before, after].filter((row) => row !== undefined).map(recordingKeyOf)),
    ),
  ];
  const stats = down.table(STATS_STORE);
  const rows = (await inZone(() => stats.getMany({ trans, keys: touched }))) as (RecordingStats | undefined)[];
  // Copies: the rows read may be objects Dexie's cache shares with readers.
  const byKey = new Map(touched.map((key, i) => [key, rows[i] ? structuredClone(rows[i]) : emptyStats(key)]));
  for (const { before, after } of changed) {
    if (name === 'images') {
      if (before) countImage(byKey.get(recordingKeyOf(before))!, before as RecordingImage, -1);
      if (after) countImage(byKey.get(recordingKeyOf(after))!, after as RecordingImage, 1);
    } else if (kind) {
      if (before) countRecord(byKey.get(recordingKeyOf(before))!, kind, before as Note | QaItem, -1);
      if (after) countRecord(byKey.get(recordingKeyOf(after))!, kind, after as Note | QaItem, 1);
    } else if (after) {
      countRecording(byKey.get(recordingKeyOf(after))!, after as Recording);
    }
  }
  // A row lives while its recording does or anything still names it (notes kept after their
  // recording was deleted are still counted).
  const empty = [...byKey.values()].filter(isEmptyStats).map((row) => row.recordingKey);
  const recordings = empty.length > 0 ? await inZone(() => down.table('recordings').getMany({ trans, keys: empty })) : [];
  const dropped = empty.filter((_, i) => recordings[i] === undefined);
  for (const key of dropped) byKey.delete(key);
  if (dropped.length > 0) await inZone(() => stats.mutate({ type: 'delete', trans, keys: dropped }));
  if (byKey.size > 0) await inZone(() => stats.mutate({ type: 'put', trans, values: [...byKey.values()] }));
}
