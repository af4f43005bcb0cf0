/**
 * The browser's own side panel: Chrome's `sidePanel`, Firefox's `sidebarAction`. Both open only in
 * response to a user action, so callers call this synchronously from the handler of one.
 */
interface ChromeSidePanel {
  open(options: { tabId: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

export function openSidePanel(tabId: number): Promise<void> {
  const api = globalThis as { chrome?: { sidePanel?: ChromeSidePanel }; browser?: { sidebarAction?: FirefoxSidebarAction } };
  const chromeSidePanel = api.chrome?.sidePanel;
  if (chromeSidePanel) return chromeSidePanel.open({ tabId });
  const firefoxSidebar = api.browser?.sidebarAction;
  if (firefoxSidebar) {
    try {
      return firefoxSidebar.open();
    } catch (error) {
      // Firefox throws at once outside a user action (a content script's message is not one).
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}

/** True when this page is showing in the browser's side panel rather than beside a video. */
export function inSidePanel(): boolean {
  return location.hash.length <= 1;
}
