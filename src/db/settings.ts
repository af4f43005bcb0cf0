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

/** The settings row of one recording's "Keep slides" choice. */
const keepSlidesKey = (recordingKey: string) => `keep-slides:${recordingKey}`;

/** Whether the recording's slides are kept: its panel's choice, else the `keepSlides` setting. */
export async function keepSlidesFor(recordingKey: string): Promise<boolean> {
  const database = db();
  const [own, settings] = await Promise.all([database.settings.get(keepSlidesKey(recordingKey)), database.settings.get(KEY)]);
  return typeof own?.value === 'boolean' ? own.value : settingsFrom(settings?.value).keepSlides;
}

/** Remembers the panel's "Keep slides" choice for this recording. */
export async function setKeepSlides(recordingKey: string, keep: boolean): Promise<void> {
  await db().settings.put({ key: keepSlidesKey(recordingKey), value: keep });
}
