/**
 * The catalogues bundled into a context, so it can show a language other than the browser's and
 * write an export in the community's: the pages, the background, the CLI and the tests install
 * them (`setMessageSource(bundledMessages)`). The content scripts do not: every page with a video
 * would load every message of every language (about 90 kB each); they read the browser's own
 * (content/messages.ts).
 */
import en from '../../../public/_locales/en/messages.json';
import tr from '../../../public/_locales/tr/messages.json';
import type { Catalog } from './catalog';
import { DEFAULT_LANGUAGE, type Language } from './languages';
import type { MessageSource } from './index';

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, tr };

/** A message from the bundled catalogue of `lang`, else the default language's. */
export const bundledMessages: MessageSource = (lang, key) => CATALOGS[lang][key] ?? CATALOGS[DEFAULT_LANGUAGE][key];
