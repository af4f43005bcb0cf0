import { optInPatterns } from '../core/site-patterns';
import browser from '../platform/browser';
import { contentScriptFile, defaultMatches } from '../platform/manifest';

/** Registered content scripts for sites the user enabled carry this id prefix. */
const ID_PREFIX = 'site:';

/**
 * Makes the registered content scripts match the sites the user has granted: one registration a
 * site, added when a permission is granted and removed when it is revoked. Granted permissions are
 * the one source of truth, so a revoke in the browser's own settings is honoured too.
 */
export async function syncSiteScripts(): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins ?? [];
  const wanted = optInPatterns(granted, defaultMatches());
  const registered = (await browser.scripting.getRegisteredContentScripts()).filter((s) => s.id.startsWith(ID_PREFIX));
  const stale = registered.filter((s) => !wanted.includes(s.id.slice(ID_PREFIX.length))).map((s) => s.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const have = new Set(registered.map((s) => s.id.slice(ID_PREFIX.length)));
  const missing = wanted.filter((pattern) => !have.has(pattern));
  if (missing.length === 0) return;
  await browser.scripting.registerContentScripts(
    missing.map((pattern) => ({
      id: ID_PREFIX + pattern,
      matches: [pattern],
      js: [contentScriptFile()],
      runAt: 'document_idle' as const,
      allFrames: true,
      persistAcrossSessions: true,
    })),
  );
}
