/**
 * The one seam to the extension APIs: every context imports `browser` from here, so the promise
 * API is the same in Chrome and Firefox and unit tests have one module to replace.
 */
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs } from 'webextension-polyfill';
