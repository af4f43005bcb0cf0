import browser from '../../platform/browser';
import { LIBRARY_PAGE } from '../../platform/manifest';

/** Opens the library in a new tab. */
export async function openLibrary(): Promise<void> {
  const url = browser.runtime.getURL(LIBRARY_PAGE);
  // Firefox gives the panel no `tabs` API when it sits in an iframe in a page.
  if (browser.tabs?.create) await browser.tabs.create({ url });
  else window.open(url, '_blank', 'noopener');
}
