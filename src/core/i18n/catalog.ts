/**
 * The message catalogues: the extension's own locale files (`public/_locales/<lang>/messages.json`,
 * Chrome's format, which the browser also reads for the manifest's `__MSG_…__` strings), bundled
 * so a page can show a language other than the browser's and an export can be written in the
 * community's. English is the default locale and the source of the key type: a key missing from it
 * is a type error; a key missing from another language is a failed unit test (i18n.test.ts).
 */
import en from '../../../public/_locales/en/messages.json';
import tr from '../../../public/_locales/tr/messages.json';
import type { Language } from './languages';

export { DEFAULT_LANGUAGE, isLanguage, languageFor, LANGUAGES, type Language } from './languages';

/** One entry of a messages.json (https://developer.chrome.com/docs/extensions/reference/api/i18n). */
export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Readonly<Record<string, { content: string; example?: string }>>;
}
export type Catalog = Readonly<Record<string, CatalogEntry>>;

/** Every message's key, from the default locale. */
export type MessageKey = keyof typeof en;
/** The keys of plural messages: `base_one`, `base_other` (and any other CLDR category) name `base`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, tr };
