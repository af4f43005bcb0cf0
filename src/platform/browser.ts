/**
 * The seam to the extension APIs for the background and the extension pages: they import
 * `browser` from here, so the promise API is the same in Chrome and Firefox and unit tests have
 * one module to replace. The content scripts use `content-browser.ts`, without the polyfill.
 */
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs } from 'webextension-polyfill';
