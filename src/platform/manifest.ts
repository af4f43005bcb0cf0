import browser from './browser';

/**
 * The manifest's entry of the content script that finds the video: the one that runs once the
 * page is loaded. The others are YouTube's caption tap and its inbox, which run at
 * document_start on YouTube only, and must not be taken for it.
 */
function mainContentScript() {
  return browser.runtime.getManifest().content_scripts?.find((script) => (script.run_at ?? 'document_idle') === 'document_idle');
}

/** The sites the extension runs on by default (the main content script's matches). */
export function defaultMatches(): string[] {
  return mainContentScript()?.matches ?? [];
}

/**
 * The built content script file (its path is only known after the build), relative to the
 * extension's root as `scripting` wants it: Firefox's getManifest() gives it as a full
 * moz-extension: URL.
 */
export function contentScriptFile(): string {
  const file = mainContentScript()?.js?.[0];
  if (!file) throw new Error('the manifest names no content script');
  const root = browser.runtime.getURL('/');
  return file.startsWith(root) ? file.slice(root.length) : file;
}

export { ATTACH_FRAME_COMMAND, LIBRARY_PAGE, NEW_NOTE_COMMAND, OFFSCREEN_PAGE, OPTIONS_PAGE, PANEL_PAGE } from './pages';
