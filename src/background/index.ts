/**
 * Background service worker. It owns database upgrades (opening the database at install runs
 * them before any page needs it), the keyboard shortcut, and the content scripts of the sites
 * the user enabled.
 */
import browser from '../platform/browser';
import { db } from '../db/schema';
import { handleCommand } from './commands';
import { syncSiteScripts } from './site-access';

const reportSyncError = (error: unknown) => console.error('Webinar Notes could not update its site scripts', error);

browser.runtime.onInstalled.addListener(() => {
  db()
    .open()
    .catch((error: unknown) => console.error('Webinar Notes could not open its database', error));
  syncSiteScripts().catch(reportSyncError);
});
browser.runtime.onStartup.addListener(() => {
  syncSiteScripts().catch(reportSyncError);
});
browser.permissions.onAdded.addListener(() => {
  syncSiteScripts().catch(reportSyncError);
});
browser.permissions.onRemoved.addListener(() => {
  syncSiteScripts().catch(reportSyncError);
});

browser.commands.onCommand.addListener((command, tab) => {
  void handleCommand(command, tab);
});

// Chrome never delivers synthetic key presses to `commands`, so the e2e tests drive the handler
// through this name in the worker's own scope (no page or content script can reach it).
Object.assign(globalThis, { webinarNotesHandleCommand: handleCommand });
