/**
 * Background service worker. It owns database upgrades (opening the database at install runs
 * them before any page needs it) and the keyboard shortcut.
 */
import browser from '../platform/browser';
import { db } from '../db/schema';
import { handleCommand } from './commands';

browser.runtime.onInstalled.addListener(() => {
  db()
    .open()
    .catch((error: unknown) => console.error('Webinar Notes could not open its database', error));
});

browser.commands.onCommand.addListener((command, tab) => {
  void handleCommand(command, tab);
});

// Chrome never delivers synthetic key presses to `commands`, so the e2e tests drive the handler
// through this name in the worker's own scope (no page or content script can reach it).
Object.assign(globalThis, { webinarNotesHandleCommand: handleCommand });
