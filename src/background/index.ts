/**
 * Background service worker. It owns database upgrades (opening the database at install runs
 * them before any page needs it), the keyboard shortcuts, the content scripts of the sites the
 * user enabled, the automatic backup files, and captures of a tab for a frame.
 */
import browser, { type Runtime } from '../platform/browser';
import { capChanges } from '../db/changes';
import { db } from '../db/schema';
import { parseContentRequest, type PartLoaded, type SidePanelOpened } from '../messaging/protocol';
import { openSidePanel } from '../platform/side-panel';
import { scheduleAutoBackups, scheduledBackupCheck } from './auto-backup';
import { handleCommand } from './commands';
import { relayPanelPorts } from './panel-relay';
import { syncSiteScripts } from './site-access';
import { contentScriptFrame, loadContentPart } from './content-parts';
import { listenForTabCaptures } from './tab-capture';
import { runSync, scheduleSync } from './sync';
import { followLanguageChoice } from '../platform/ui-language';

followLanguageChoice();

const reportSyncError = (error: unknown) => console.error('Webinar Notes could not update its site scripts', error);

browser.runtime.onInstalled.addListener(() => {
  db()
    .open()
    .catch((error: unknown) => console.error('Webinar Notes could not open its database', error));
  syncSiteScripts().catch(reportSyncError);
});
browser.runtime.onStartup.addListener(() => {
  syncSiteScripts().catch(reportSyncError);
  capChanges().catch((error: unknown) => console.error('Webinar Notes could not trim its change log', error));
});
browser.permissions.onAdded.addListener(() => {
  syncSiteScripts().catch(reportSyncError);
});
browser.permissions.onRemoved.addListener(() => {
  syncSiteScripts().catch(reportSyncError);
});

// Content scripts ask for two things: the side panel, when their player is too small for the
// panel beside it, and a part of their code that a user action needs (content-parts.ts). Only our
// own content scripts, only for the tab (and frame) they run in.
browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender): Promise<SidePanelOpened | PartLoaded> | undefined => {
  const frame = contentScriptFrame(sender);
  const request = parseContentRequest(raw);
  if (!frame || !request) return undefined;
  if (request.type === 'load-part') return loadContentPart(request.part, frame);
  // Synchronously, while the user's click still counts as a user action. Firefox does not count
  // a content script's message as one: the answer tells the page to show its own panel instead.
  return openSidePanel(frame.tabId).then(
    () => ({ opened: true }),
    (error: unknown) => {
      console.warn('Webinar Notes could not open the side panel', error);
      return { opened: false };
    },
  );
});

relayPanelPorts();
listenForTabCaptures();
scheduleAutoBackups();
scheduleSync();

browser.commands.onCommand.addListener((command, tab) => {
  void handleCommand(command, tab);
});

// Chrome never delivers synthetic key presses to `commands`, so the e2e tests drive the handler
// through this name in the worker's own scope (no page or content script can reach it).
Object.assign(globalThis, { webinarNotesHandleCommand: handleCommand });
// Nor do tests wait an hour for the backup alarm: they run its check through this name.
Object.assign(globalThis, { webinarNotesBackupCheck: scheduledBackupCheck });
// Nor for the sync alarm: `webinarNotesSync(false)` runs what the alarm runs.
Object.assign(globalThis, { webinarNotesSync: runSync });
