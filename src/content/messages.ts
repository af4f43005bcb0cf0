/**
 * The in-page layer's few words (the launcher, the markers' and the panel frame's names), from the
 * extension's locale files through the browser (`i18n.getMessage`, in the browser's language).
 * The content script does not bundle the catalogues (src/core/i18n) that the pages use to follow
 * the language chosen in the settings: they would be loaded into every page with a video. Only the
 * key type comes from there, so a key missing from the English file is a type error.
 */
import { setMessageSource, setUiLanguage, t, type MessageSource } from '../core/i18n';
import type { MessageKey } from '../core/i18n/catalog';
import { languageFor } from '../core/i18n/languages';
import browser from '../platform/content-browser';

/** The content script's keys: `content_…` in messages.json. */
export type ContentKey = Extract<MessageKey, `content_${string}`>;

/**
 * The message `key` with `$1`… filled in by `substitutions`, through the core's accessor over the
 * browser's messages (installBrowserMessages, which runs first): one path for the layer's words
 * and the core's, the pseudo-locale's marking included.
 */
export function message(key: ContentKey, ...substitutions: string[]): string {
  return t(key, ...substitutions);
}

/** `$1`…`$9` handed back in place of the substitutions: the core's accessor fills them in itself. */
const SLOTS = ['$1', '$2', '$3', '$4', '$5', '$6', '$7', '$8', '$9'];

/**
 * The core's messages in this content script (a caption or frame problem it reports, a time it
 * formats), from the browser's own files in the browser's language: every language asks the same.
 * Chrome's `$$` has been read by then, so a message whose text holds "$1" literally would be
 * misread; none does.
 */
const browserMessages: MessageSource = (_lang, key) => {
  const message = browser.i18n.getMessage(key, SLOTS);
  return message ? { message } : undefined;
};

/** Installs the browser's messages for the core code this content script runs. */
export function installBrowserMessages(): void {
  setMessageSource(browserMessages);
  setUiLanguage(languageFor(browser.i18n.getMessage('localeCode')));
}
