/**
 * The extension API as the content scripts use it, without webextension-polyfill. The polyfill is
 * 9.6 kB (2.7 kB gzip) of the script that every matched frame parses, for a handful of calls that
 * behave the same natively in both browsers' Manifest V3: `runtime.sendMessage` returns a promise
 * (Chrome from 99, Firefox), ports from `runtime.onConnect` are the browser's own in both (the
 * polyfill passes them through), and `runtime.id`, `runtime.getURL` and `i18n.getMessage` are
 * synchronous. The one difference is answering `runtime.onMessage`: Chrome (at our minimum, 120)
 * ignores a promise a listener returns, so this seam types a listener that answers through
 * `respond`, called before it returns, which every browser honours. Firefox's `browser` is used
 * where it exists, Chrome's `chrome` elsewhere. Extension pages and the background keep
 * `platform/browser.ts`.
 */
import type { Browser, Events, Runtime } from 'webextension-polyfill';

/** Answers a message: call `respond` (at most once, before returning) to reply, or not at all. */
export type ContentMessageListener = (message: unknown, sender: Runtime.MessageSender, respond: (answer: unknown) => void) => void;

/** What the content scripts use of the extension API. */
export interface ContentApi {
  runtime: Pick<Browser['runtime'], 'id' | 'getURL' | 'sendMessage' | 'onConnect'> & { onMessage: Events.Event<ContentMessageListener> };
  i18n: Pick<Browser['i18n'], 'getMessage'>;
}

const contentBrowser: ContentApi = (globalThis as { browser?: ContentApi }).browser ?? (chrome as unknown as ContentApi);

export default contentBrowser;
export type { Runtime };
