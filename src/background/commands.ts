import browser, { type Tabs } from '../platform/browser';
import type { TabMessage } from '../messaging/protocol';
import { NEW_NOTE_COMMAND } from '../platform/pages';

/**
 * The `commands` shortcuts. The key press never reaches the page: the browser hands it to us and
 * we tell the tab's content script, which opens the panel's composer.
 */
export async function handleCommand(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  if (command !== NEW_NOTE_COMMAND) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  const message: TabMessage = { type: 'compose' };
  // A tab without our content script (a site not enabled) has no receiver: nothing to do there.
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
