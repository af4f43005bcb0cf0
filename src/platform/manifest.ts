import browser from './browser';

/** The sites the extension runs on by default (the manifest's content script matches). */
export function defaultMatches(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []) ?? [];
}

/**
 * The built content script file (its path is only known after the build), relative to the
 * extension's root as `scripting` wants it: Firefox's getManifest() gives it as a full
 * moz-extension: URL.
 */
export function contentScriptFile(): string {
  const file = browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
  if (!file) throw new Error('the manifest names no content script');
  const root = browser.runtime.getURL('/');
  return file.startsWith(root) ? file.slice(root.length) : file;
}

export { LIBRARY_PAGE, NEW_NOTE_COMMAND, OFFSCREEN_PAGE, OPTIONS_PAGE, PANEL_PAGE } from './pages';
