/**
 * The languages the extension speaks, without their catalogues: what the message protocol and
 * the content script may import without carrying every message of every language.
 */

/** The languages the extension is written in, the default first. */
export const LANGUAGES = ['en', 'tr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/**
 * The language to show for a BCP 47 tag the browser reports (`tr`, `tr-TR`, `en-GB`): its
 * primary subtag if we have it, else the default.
 */
export function languageFor(tag: string | undefined): Language {
  const primary = (tag ?? '').split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}
