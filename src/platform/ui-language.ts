/**
 * The language the extension's pages show: the browser's (`auto`, the default) or one the user
 * chose in the settings. Browsers give an extension no way to switch its own locale, so the choice
 * is kept in `storage.local` (per device, like the other settings), where every page and the
 * background read it and `storage.onChanged` tells every open page at once.
 */
import { setUiLanguage } from '../core/i18n';
import { isLanguage, languageFor, type Language } from '../core/i18n/languages';
import browser from './browser';

const KEY = 'uiLanguage';

export type LanguageChoice = Language | 'auto';

export async function loadLanguageChoice(): Promise<LanguageChoice> {
  const value: unknown = (await browser.storage.local.get(KEY))[KEY];
  return isLanguage(value) ? value : 'auto';
}

export async function saveLanguageChoice(choice: LanguageChoice): Promise<void> {
  if (choice === 'auto') await browser.storage.local.remove(KEY);
  else await browser.storage.local.set({ [KEY]: choice });
}

/**
 * The browser's own language: the one of ours it picks the extension's messages in (each locale
 * file names itself in `localeCode`), so the pages agree with the manifest's strings. Neither
 * `getUILanguage()` nor `@@ui_locale` is it: Chromium started with `--lang=tr` shows the Turkish
 * messages yet reports `en-US` and `en_US` there.
 */
export function browserLanguage(): Language {
  return languageFor(browser.i18n.getMessage('localeCode') || browser.i18n.getUILanguage());
}

/** The language a choice shows. */
export function languageOf(choice: LanguageChoice): Language {
  return choice === 'auto' ? browserLanguage() : choice;
}

/** Calls `listener` with the new choice whenever the user changes it (in any page); returns the unsubscribe. */
export function onLanguageChoice(listener: (choice: LanguageChoice) => void): () => void {
  const changed = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(KEY in changes)) return;
    const value = changes[KEY]?.newValue;
    listener(isLanguage(value) ? value : 'auto');
  };
  browser.storage.onChanged.addListener(changed);
  return () => browser.storage.onChanged.removeListener(changed);
}

/**
 * For a context with no document (the background, the offscreen page): words it writes (a reason
 * in a status, a failure message) follow the chosen language from now on.
 */
export function followLanguageChoice(): void {
  void loadLanguageChoice().then((choice) => setUiLanguage(languageOf(choice)), () => undefined);
  onLanguageChoice((choice) => setUiLanguage(languageOf(choice)));
}
