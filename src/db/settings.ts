import { settingsFrom, type Settings } from '../core/settings';
import { db } from './schema';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  return settingsFrom((await db().settings.get(KEY))?.value);
}

export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const database = db();
  return database.transaction('rw', database.settings, async () => {
    const next = settingsFrom({ ...settingsFrom((await database.settings.get(KEY))?.value), ...changes });
    await database.settings.put({ key: KEY, value: next });
    return next;
  });
}
