/**
 * The background's part in frames: the shortcuts go to the tab they were pressed in (Playwright
 * cannot press a `commands` key, so the handler is driven here and through its seam in e2e), and
 * a capture of a tab is made only for our panel, only of the tab it names while that tab is the
 * one shown, and says when a permission is missing.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTabMessage, TAB_CAPTURE_PERMISSION } from '../../src/messaging/protocol';
import manifestJson from '../../manifest.json' with { type: 'json' };

const manifest = manifestJson as typeof manifestJson & { host_permissions?: string[]; commands: Record<string, { suggested_key: { default: string } } | undefined> };

const fake = vi.hoisted(() => {
  const state = {
    sent: [] as { tabId: number; message: unknown }[],
    tabs: new Map<number, { id: number; windowId: number }>(),
    /** Which tab each window shows, and what it shows after the capture. */
    active: new Map<number, number>(),
    activeAfterCapture: null as { windowId: number; tabId: number } | null,
    captureError: null as Error | null,
    captured: [] as number[],
    listeners: [] as ((raw: unknown, sender: object) => Promise<unknown> | undefined)[],
  };
  const api = {
    runtime: {
      id: 'our-id',
      getURL: (path: string) => `chrome-extension://our-id/${path}`,
      onMessage: { addListener: (listener: (typeof state.listeners)[number]) => state.listeners.push(listener) },
    },
    tabs: {
      sendMessage: async (tabId: number, message: unknown) => {
        state.sent.push({ tabId, message });
      },
      query: async ({ windowId }: { active: boolean; currentWindow?: boolean; windowId?: number }) => {
        const tabId = state.active.get(windowId ?? 1);
        return tabId === undefined ? [] : [{ id: tabId }];
      },
      get: async (tabId: number) => {
        const tab = state.tabs.get(tabId);
        if (!tab) throw new Error(`No tab with id: ${tabId}.`);
        return tab;
      },
      captureVisibleTab: async (windowId: number) => {
        if (state.captureError) throw state.captureError;
        state.captured.push(windowId);
        if (state.activeAfterCapture) state.active.set(state.activeAfterCapture.windowId, state.activeAfterCapture.tabId);
        return 'data:image/png;base64,iVBORw0KGgo=';
      },
    },
  };
  return { state, api };
});
vi.mock('../../src/platform/browser', () => ({ default: fake.api }));
const { handleCommand } = await import('../../src/background/commands');
const { captureTab, listenForTabCaptures } = await import('../../src/background/tab-capture');

beforeEach(() => {
  Object.assign(fake.state, { sent: [], captured: [], captureError: null, activeAfterCapture: null, listeners: [] });
  fake.state.tabs = new Map([
    [7, { id: 7, windowId: 1 }],
    [8, { id: 8, windowId: 1 }],
    [9, { id: 9, windowId: 2 }],
  ]);
  fake.state.active = new Map([
    [1, 7],
    [2, 9],
  ]);
});

describe('the shortcuts', () => {
  it('send the frame shortcut to the tab it was pressed in, as the attach-frame request its content script checks', async () => {
    await handleCommand('attach-frame', { id: 9 } as never);
    expect(fake.state.sent).toEqual([{ tabId: 9, message: { type: 'attach-frame' } }]);
    expect(parseTabMessage(fake.state.sent[0]!.message)).toEqual({ type: 'attach-frame' });
  });

  it('send the new-note shortcut as compose, and to the active tab when the browser names none', async () => {
    await handleCommand('new-note', undefined);
    expect(fake.state.sent).toEqual([{ tabId: 7, message: { type: 'compose' } }]);
  });

  it('ignore a command they do not know', async () => {
    await handleCommand('delete-everything', { id: 9 } as never);
    expect(fake.state.sent).toEqual([]);
  });
});

describe('a capture of a tab', () => {
  it('is made of the tab named while its window shows it', async () => {
    expect(await captureTab(9)).toEqual({ ok: true, image: 'data:image/png;base64,iVBORw0KGgo=' });
    expect(fake.state.captured).toEqual([2]);
  });

  it('is refused for a tab its window does not show: the capture would be another tab', async () => {
    expect(await captureTab(8)).toEqual({ ok: false, reason: 'not-active' });
    expect(fake.state.captured).toEqual([]);
  });

  it('is dropped when the user switched tabs while it was taken', async () => {
    fake.state.activeAfterCapture = { windowId: 2, tabId: 10 };
    expect(await captureTab(9)).toEqual({ ok: false, reason: 'not-active' });
  });

  it('says when the permission is missing, in Chrome’s words and in Firefox’s', async () => {
    fake.state.captureError = new Error("Either the '<all_urls>' or 'activeTab' permission is required.");
    expect(await captureTab(9)).toMatchObject({ ok: false, reason: 'needs-permission' });
    fake.state.captureError = new Error('Missing activeTab permission');
    expect(await captureTab(9)).toMatchObject({ ok: false, reason: 'needs-permission' });
    fake.state.captureError = new Error('Failed to capture tab: view is invisible');
    expect(await captureTab(9)).toEqual({ ok: false, reason: 'failed', detail: 'Failed to capture tab: view is invisible' });
    expect(await captureTab(404)).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('is answered for our panel page only, for the tab the browser stamps on it before the one it names', async () => {
    listenForTabCaptures();
    const [listener] = fake.state.listeners;
    const request = { type: 'capture-tab', tabId: 9 };
    const panel = 'chrome-extension://dynamic-1234/src/pages/panel/index.html#nonce';
    expect(listener!(request, { id: 'our-id', url: panel })).toBeInstanceOf(Promise);
    expect(await listener!(request, { id: 'our-id', url: panel, tab: { id: 7 } })).toMatchObject({ ok: true });
    expect(fake.state.captured).toEqual([2, 1]);
    // Another extension, another of our pages, a content script, a message of another kind: no answer.
    expect(listener!(request, { id: 'other-id', url: panel })).toBeUndefined();
    expect(listener!(request, { id: 'our-id', url: 'chrome-extension://our-id/src/pages/options/index.html' })).toBeUndefined();
    expect(listener!(request, { id: 'our-id', url: 'https://example.com/', tab: { id: 9 } })).toBeUndefined();
    expect(listener!({ type: 'capture-tab', tabId: -1 }, { id: 'our-id', url: panel })).toBeUndefined();
    expect(listener!({ type: 'back-up-now' }, { id: 'our-id', url: panel })).toBeUndefined();
  });

  it('asks for a permission the manifest offers as optional, beside the frame shortcut', () => {
    expect(manifest.optional_host_permissions).toContain(TAB_CAPTURE_PERMISSION);
    expect(manifest.host_permissions ?? []).not.toContain(TAB_CAPTURE_PERMISSION);
    expect(manifest.commands['attach-frame']?.suggested_key.default).toBe('Alt+Shift+F');
  });
});
