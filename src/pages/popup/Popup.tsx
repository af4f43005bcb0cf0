import { useEffect, useState } from 'preact/hooks';
import { countNotes } from '../../db/notes';
import { parseVideoStatus, type TabMessage, type VideoStatus } from '../../messaging/protocol';
import browser from '../../platform/browser';
import { useLiveQuery } from '../shared/live-query';

type TabState = { state: 'asking' } | { state: 'video'; tabId: number; status: VideoStatus } | { state: 'none' };

async function askActiveTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { state: 'none' };
  const message: TabMessage = { type: 'status' };
  // No receiver (a site we do not run on, or a page without video) rejects or answers nothing.
  const answer: unknown = await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  const status = parseVideoStatus(answer);
  return status ? { state: 'video', tabId: tab.id, status } : { state: 'none' };
}

export function Popup() {
  const [tab, setTab] = useState<TabState>({ state: 'asking' });
  useEffect(() => {
    void askActiveTab().then(setTab);
  }, []);
  const recordingKey = tab.state === 'video' ? tab.status.recordingKey : null;
  const count = useLiveQuery(async () => (recordingKey ? countNotes(recordingKey) : 0), [recordingKey]);

  const openPanel = async () => {
    if (tab.state !== 'video') return;
    const message: TabMessage = { type: 'open-panel' };
    await browser.tabs.sendMessage(tab.tabId, message).catch(() => undefined);
    window.close();
  };

  return (
    <main class="popup">
      <h1>Webinar Notes</h1>
      {tab.state === 'asking' && <p class="muted">Looking for a video…</p>}
      {tab.state === 'none' && (
        <p class="muted">No video is being annotated on this page. Open a page with a video on a site Webinar Notes runs on.</p>
      )}
      {tab.state === 'video' && (
        <>
          <p class="status">
            <span class="dot" aria-hidden="true" /> Taking notes on <strong>{tab.status.title}</strong>
          </p>
          <p class="count" aria-live="polite">
            {count.state === 'ready' ? `${count.value} ${count.value === 1 ? 'note' : 'notes'}` : '…'}
          </p>
          <button type="button" class="primary" onClick={() => void openPanel()} disabled={tab.status.panelOpen}>
            {tab.status.panelOpen ? 'Notes panel is open' : 'Open notes panel'}
          </button>
        </>
      )}
      <footer>
        <button type="button" class="quiet" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </footer>
    </main>
  );
}
