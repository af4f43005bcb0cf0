import { useEffect, useState } from 'preact/hooks';
import { isDefaultHost, sitePattern } from '../../core/site-patterns';
import { httpUrl } from '../../core/web-url';
import { siteFailedText } from '../../core/feedback-text';
import { countNotes } from '../../db/notes';
import { parseVideoStatus, type TabMessage, type VideoStatus } from '../../messaging/protocol';
import browser from '../../platform/browser';
import { contentScriptFile, defaultMatches } from '../../platform/manifest';
import { openLibrary } from '../shared/open-library';
import { openSidePanel } from '../../platform/side-panel';
import { useLiveQuery } from '../shared/live-query';
import { plural, t } from '../../core/i18n';

/** What the popup knows of the active tab's site: on by default, enabled by the user, or neither. */
interface Site {
  pattern: string;
  host: string;
  access: 'default' | 'enabled' | 'off';
}

type TabState =
  | { state: 'asking' }
  | { state: 'video'; tabId: number; status: VideoStatus; site: Site | null }
  | { state: 'none'; tabId: number | null; site: Site | null };

async function siteOf(url: string | undefined): Promise<Site | null> {
  const page = httpUrl(url);
  const pattern = page ? sitePattern(page.href) : null;
  if (!page || !pattern) return null;
  const host = page.hostname;
  if (isDefaultHost(host, defaultMatches())) {
    return { pattern, host, access: 'default' };
  }
  const enabled = await browser.permissions.contains({ origins: [pattern] });
  return { pattern, host, access: enabled ? 'enabled' : 'off' };
}

async function askActiveTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { state: 'none', tabId: null, site: null };
  // The tab's URL is ours to read because the user opened the popup on it (activeTab).
  const site = await siteOf(tab.url);
  const message: TabMessage = { type: 'status' };
  // No receiver (a site we do not run on, or a page without video) rejects or answers nothing.
  const answer: unknown = await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  const status = parseVideoStatus(answer);
  return status ? { state: 'video', tabId: tab.id, status, site } : { state: 'none', tabId: tab.id, site };
}

export function Popup() {
  const [tab, setTab] = useState<TabState>({ state: 'asking' });
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void askActiveTab().then(setTab);
  }, []);
  const recordingKey = tab.state === 'video' ? tab.status.recordingKey : null;
  const count = useLiveQuery(async () => (recordingKey ? countNotes(recordingKey) : 0), [recordingKey]);

  const openPanel = async () => {
    if (tab.state !== 'video') return;
    if (tab.status.sidePanel) {
      // A small embed, or the user types only there: the browser's side panel opens, from this click.
      await openSidePanel(tab.tabId).catch(() => setNote(t('popup_sidePanelFailed')));
    } else {
      const message: TabMessage = { type: 'open-panel' };
      await browser.tabs.sendMessage(tab.tabId, message).catch(() => undefined);
    }
    window.close();
  };

  const enableSite = async (site: Site, tabId: number | null) => {
    setNote(t('popup_siteAsking'));
    const granted = await browser.permissions.request({ origins: [site.pattern] }).catch(() => false);
    if (!granted) {
      setNote(t('popup_siteRefused', site.host));
      return;
    }
    // The background registers the script for future visits; this page gets it now.
    if (tabId !== null) {
      // From the root: Firefox resolves a relative path against this page's own address.
      await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [`/${contentScriptFile()}`] }).catch(() => undefined);
    }
    setNote(null);
    setTab(await askActiveTab());
  };

  const disableSite = async (site: Site) => {
    try {
      await browser.permissions.remove({ origins: [site.pattern] });
    } catch (error) {
      setNote(siteFailedText(site.host, 'removed', error));
      return;
    }
    setNote(t('popup_siteRemoved', site.host));
    setTab(await askActiveTab());
  };

  const site = tab.state === 'asking' ? null : tab.site;
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {tab.state === 'asking' && <p class="muted">{t('popup_lookingForVideo')}</p>}
      {tab.state === 'none' && (
        <p class="muted">
          {!site
            ? // Without the page's address (not an http(s) page, or the popup was not opened from the
              // toolbar on it) there is nothing to offer but the plain answer.
              t('popup_noVideo')
            : site.access === 'off'
              ? t('popup_siteOff', site.host)
              : t('popup_noVideo')}
        </p>
      )}
      {tab.state === 'none' && site?.access === 'off' && (
        <button type="button" class="primary" onClick={() => void enableSite(site, tab.tabId)}>
          {t('popup_enableSite')}
        </button>
      )}
      {tab.state === 'video' && (
        <>
          <p class="status">
            <span class="dot" aria-hidden="true" /> <TakingNotesOn title={tab.status.title} />
          </p>
          <p class="count" aria-live="polite">
            {count.state === 'ready' ? plural('notesCount', count.value) : '…'}
          </p>
          <button type="button" class="primary" onClick={() => void openPanel()} disabled={tab.status.panelOpen}>
            {t(tab.status.panelOpen ? 'popup_panelOpen' : tab.status.sidePanel ? 'popup_openSidePanel' : 'popup_openPanel')}
          </button>
        </>
      )}
      {note && (
        <p class="note" role="status">
          {note}
        </p>
      )}
      <footer>
        {site?.access === 'enabled' && (
          <button type="button" class="quiet" onClick={() => void disableSite(site)}>
            {t('popup_stopOnSite', site.host)}
          </button>
        )}
        <button type="button" class="quiet" onClick={() => void openLibrary().then(() => window.close())}>
          {t('popup_library')}
        </button>
        <button type="button" class="quiet" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </footer>
    </main>
  );
}

/** "Taking notes on <b>title</b>", the title in bold wherever the language puts it: the message split around a mark in its place. */
function TakingNotesOn({ title }: { title: string }) {
  const mark = '\uE000';
  const [before, after] = t('popup_takingNotesOn', mark).split(mark);
  return (
    <>
      {before}
      <strong>{title}</strong>
      {after}
    </>
  );
}
