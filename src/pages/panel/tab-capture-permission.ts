import { TAB_CAPTURE_PERMISSION } from '../../messaging/protocol';
import browser from '../../platform/browser';

/**
 * What asks the browser for the permission a capture of the tab needs (`<all_urls>`, optional in
 * the manifest), to be called from a click: the browser shows its own dialog only in answer to
 * one. Null where this page has no `permissions` API (Firefox's panel frame inside a page).
 */
export function tabCapturePermission(): (() => Promise<boolean>) | null {
  const permissions = (browser as { permissions?: typeof browser.permissions }).permissions;
  if (typeof permissions?.request !== 'function') return null;
  return askTabCapture;
}

/** Resolves to whether the permission was given. Rejects when the browser would not ask. */
const askTabCapture = () => browser.permissions.request({ origins: [TAB_CAPTURE_PERMISSION] });
