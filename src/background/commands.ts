import browser, { type Tabs } from '../platform/browser';
import type { TabMessage } from '../messaging/protocol';
import { ATTACH_FRAME_COMMAND, NEW_NOTE_COMMAND } from '../platform/pages';

/** What each `commands` shortcut asks of the tab's content script. */
const COMMAND_MESSAGES: Readonly<Record<string, TabMessage>> = {
  [NEW_NOTE_COMMAND]: { type: 'compose' },
  [ATTACH_FRAME_COMMAND]: { type: 'attach-frame' },
};

/**
 * The `commands` shortcuts. The key press never reaches the page: the browser hands it to us and
 * we tell the content script of the tab it was pressed in (`tab`; the active tab of the current
 * window when the browser gives none), which passes it to that tab's panel: the composer opens,
 * and for `attach-frame` the video's picture is attached to the note. The shortcut also grants
 * the `activeTab` permission on that tab, which a frame that needs a capture of the tab uses.
 */
export async function handleCommand(command: string, tab: Tabs.Tab | undefined): Promise<void> {
  const message = COMMAND_MESSAGES[command];
  if (!message) return;
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  // A tab without our content script (a site not enabled) has no receiver: nothing to do there.
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
