/**
 * The one accessor for every word the extension shows or writes: `t(key, …substitutions)` for
 * the language the pages show (set once by each page, `setUiLanguage`), and `translator(lang)`
 * for an export written in a language of its own (the community's, chosen per export). Keys are
 * typed from the English catalogue. Plurals pick `key_one`/`key_other`/… by `Intl.PluralRules`;
 * numbers, dates and lists are formatted with `Intl` in the same language, so a Turkish page
 * writes "1.234" and "2 Aralık 2026".
 *
 * Our own code rather than a library: the messages must be Chrome's messages.json (the browser
 * reads the same files for the manifest), whose substitution rules are a few lines (substitute.ts),
 * and `Intl` does plurals and formats. i18next and FormatJS would each bring their own file format
 * and a converter between the two.
 */
import { DEFAULT_LANGUAGE, type CatalogEntry, type Language, type MessageKey, type PluralKey } from './catalog';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoWords } from './pseudo';
import { substitute } from './substitute';

export { LANGUAGES, isLanguage, languageFor, type Language, type MessageKey, type PluralKey } from './catalog';

/** Set by `PSEUDO_LOCALE=1 vite build` (vite.config.ts `define`): the pseudo-locale check's build. */
declare const __PSEUDO_LOCALE__: boolean | undefined;
const PSEUDO = typeof __PSEUDO_LOCALE__ !== 'undefined' && __PSEUDO_LOCALE__;

/**
 * Where a context's messages come from: the bundled catalogues (bundled.ts: pages, background,
 * CLI, tests) or, in a content script, the browser's own (content/messages.ts). Each context's
 * entry point installs one before anything is said.
 */
export type MessageSource = (lang: Language, key: string) => CatalogEntry | undefined;
let source: MessageSource | null = null;

/** Installs this context's messages. */
export function setMessageSource(messages: MessageSource): void {
  source = messages;
}

/** A value put into a message: numbers are formatted in the message's language. */
export type Substitution = string | number;

export interface Translator {
  readonly lang: Language;
  /** The message `key` with `$1`… filled in. */
  t(key: MessageKey, ...substitutions: Substitution[]): string;
  /** The plural form of `key` for `count` (`$1` is the formatted count, then the rest). */
  plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string;
  /** 1234.5 → "1,234.5" (en), "1.234,5" (tr). */
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A date (ms since the epoch) in the language's words, by default "2 December 2026". */
  date(ms: number, options?: Intl.DateTimeFormatOptions): string;
  /** ["a", "b", "c"] → "a, b and c" (en), "a, b ve c" (tr). */
  list(items: readonly string[]): string;
  /** Case changes with the language's rules (Turkish i → İ). */
  upper(text: string): string;
}

const DEFAULT_DATE: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

/** A translator for one language; cached per language, since `Intl` formatters are costly to make. */
export function translator(lang: Language): Translator {
  return (translators[lang] ??= makeTranslator(lang));
}
const translators: Partial<Record<Language, Translator>> = {};

/** `make()` on first use, then the same: a content script that never formats makes no formatter. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function makeTranslator(lang: Language): Translator {
  const numbers = once(() => new Intl.NumberFormat(lang));
  const plurals = once(() => new Intl.PluralRules(lang));
  const lists = once(() => new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }));
  const dates = new Map<string, Intl.DateTimeFormat>();
  const text = (value: Substitution) => (typeof value === 'number' ? numbers().format(value) : value);
  const message = (key: string, substitutions: readonly Substitution[]): string => {
    if (!source) throw new Error(`no messages installed in this context (asked for "${key}")`);
    const entry = source(lang, key);
    if (!entry) throw new Error(`no message "${key}"`);
    const filled = substitute(entry, substitutions.map(text), PSEUDO ? pseudoWords : undefined);
    return PSEUDO ? PSEUDO_OPEN + filled + PSEUDO_CLOSE : filled;
  };
  return {
    lang,
    t: (key, ...substitutions) => message(key, substitutions),
    plural: (key, count, ...substitutions) => {
      const form = `${key}_${plurals().select(count)}`;
      return message(source?.(lang, form) ? form : `${key}_other`, [count, ...substitutions]);
    },
    number: (value, options) => (options ? new Intl.NumberFormat(lang, options).format(value) : numbers().format(value)),
    date: (ms, options = DEFAULT_DATE) => {
      const id = JSON.stringify(options);
      let format = dates.get(id);
      if (!format) dates.set(id, (format = new Intl.DateTimeFormat(lang, options)));
      return format.format(ms);
    },
    list: (items) => lists().format(items),
    upper: (value) => value.toLocaleUpperCase(lang),
  };
}

let ui = translator(DEFAULT_LANGUAGE);

/** Chooses the language the pages show (each page calls this before its first render). */
export function setUiLanguage(lang: Language): void {
  ui = translator(lang);
}

/** The language the pages show. */
export function uiLanguage(): Language {
  return ui.lang;
}

/** The translator of the pages' language. */
export function ui18n(): Translator {
  return ui;
}

/** `ui18n().t`: a message in the pages' language. */
export function t(key: MessageKey, ...substitutions: Substitution[]): string {
  return ui.t(key, ...substitutions);
}

/** `ui18n().plural`: a plural message in the pages' language. */
export function plural(key: PluralKey, count: number, ...substitutions: Substitution[]): string {
  return ui.plural(key, count, ...substitutions);
}
