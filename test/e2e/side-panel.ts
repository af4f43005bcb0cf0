/**
 * The browser's side panel is not a Playwright page: reach it through the DevTools protocol, as
 * a target attached from the page's session, and drive it with real input events.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

export interface SidePanel {
  evaluate<T>(expression: string): Promise<T>;
  /** Types text into the focused element, as an IME commit would. */
  type(text: string): Promise<void>;
  press(key: 'Enter' | 'Escape'): Promise<void>;
  /** A PNG of the side panel, written to `path`. */
  screenshot(path: string): Promise<void>;
  detach(): Promise<void>;
}

const KEYS = { Enter: { code: 'Enter', keyCode: 13, text: '\r' }, Escape: { code: 'Escape', keyCode: 27, text: '' } };

async function findTarget(cdp: CDPSession, url: string): Promise<string | null> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  return targetInfos.find((t) => t.type === 'page' && t.url === url)?.targetId ?? null;
}

/** The side panel showing `panelUrl`, once it is open. */
export async function sidePanelOf(page: Page, panelUrl: string): Promise<SidePanel> {
  const cdp = await page.context().newCDPSession(page);
  let targetId: string | null = null;
  for (let i = 0; i < 100 && !targetId; i++) {
    targetId = await findTarget(cdp, panelUrl);
    if (!targetId) await page.waitForTimeout(50);
  }
  if (!targetId) throw new Error('the side panel did not open');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    const waiter = reply.id === undefined ? undefined : pending.get(reply.id);
    if (!waiter || reply.id === undefined) return;
    pending.delete(reply.id);
    if (reply.error) waiter.reject(new Error(reply.error.message));
    else waiter.resolve(reply.result);
  });
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  const key = async (name: keyof typeof KEYS) => {
    const { code, keyCode, text } = KEYS[name];
    await send('Input.dispatchKeyEvent', { type: 'keyDown', key: name, code, windowsVirtualKeyCode: keyCode, text });
    await send('Input.dispatchKeyEvent', { type: 'keyUp', key: name, code, windowsVirtualKeyCode: keyCode });
  };
  return {
    async evaluate<T>(expression: string) {
      const { result, exceptionDetails } = (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as {
        result: { value: T };
        exceptionDetails?: { text: string };
      };
      if (exceptionDetails) throw new Error(exceptionDetails.text);
      return result.value;
    },
    type: async (text) => {
      await send('Input.insertText', { text });
    },
    press: key,
    async screenshot(path) {
      const { data } = (await send('Page.captureScreenshot', { format: 'png' })) as { data: string };
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, Buffer.from(data, 'base64'));
    },
    detach: () => cdp.detach(),
  };
}
