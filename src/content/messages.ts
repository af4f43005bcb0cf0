/**
 * The in-page layer's few words (the launcher, the markers' and the panel frame's names), from the
 * extension's locale files through the browser (`i18n.getMessage`, in the browser's language).
 * The content script does not bundle the catalogues (src/core/i18n) that the pages use to follow
 * the language chosen in the settings: they would be loaded into every page with a video. Only the
 * key type comes from there, so a key missing from the English file is a type error.
 */
import type { MessageKey } from '../core/i18n/catalog';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoWords } from '../core/i18n/pseudo';
import browser from '../platform/browser';

/** The content script's keys: `content_…` in messages.json. */
export type ContentKey = Extract<MessageKey, `content_${string}`>;

/** Set by `PSEUDO_LOCALE=1 vite build` (vite.config.ts `define`); the browser reads the plain files. */
declare const __PSEUDO_LOCALE__: boolean | undefined;
const PSEUDO = typeof __PSEUDO_LOCALE__ !== 'undefined' && __PSEUDO_LOCALE__;

/** The message `key` with `$1`… filled in by `substitutions` (Chrome's rules, the browser's own). */
export function message(key: ContentKey, ...substitutions: string[]): string {
  const text = browser.i18n.getMessage(key, substitutions);
  // The pseudo-locale's check (core/i18n/pseudo.ts) sees these too; a time in a label has no letters to change.
  return PSEUDO ? PSEUDO_OPEN + pseudoWords(text) + PSEUDO_CLOSE : text;
}
