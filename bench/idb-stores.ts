/**
 * The object stores and indexes a Dexie schema (src/db/schema.ts) makes, as plain IndexedDB
 * definitions: a database built from them without Dexie has the same shape as the extension's.
 */
export interface IndexShape {
  name: string;
  keyPath: string | string[];
  unique: boolean;
  multiEntry: boolean;
}

export interface StoreShape {
  name: string;
  /** null: keys given with each put (Dexie's empty primary key). */
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: IndexShape[];
}

/** Dexie's `[a+b]` is a compound key path; other names are one property. */
function keyPathOf(name: string): string | string[] {
  return name.startsWith('[') ? name.slice(1, -1).split('+') : name;
}

/** Reads Dexie's syntax: the first entry is the primary key (`++` auto-increment), then indexes (`&` unique, `*` multi-entry). */
export function indexedDbStores(stores: Record<string, string | null>): StoreShape[] {
  // A null spec is a store the schema deleted.
  return Object.entries(stores).flatMap(([name, spec]) => (spec === null ? [] : [[name, spec] as const])).map(([name, spec]) => {
    const [primary = '', ...indexes] = spec.split(',').map((part) => part.trim());
    const autoIncrement = primary.startsWith('++');
    const primaryName = primary.replace(/^\+\+/, '');
    return {
      name,
      keyPath: primaryName === '' ? null : keyPathOf(primaryName),
      autoIncrement,
      indexes: indexes.map((index) => {
        const bare = index.replace(/^[&*]/, '');
        return { name: bare, keyPath: keyPathOf(bare), unique: index.startsWith('&'), multiEntry: index.startsWith('*') };
      }),
    };
  });
}
