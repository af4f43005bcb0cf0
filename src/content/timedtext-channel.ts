/**
 * The one way YouTube's caption responses reach the content script: the page-world tap
 * (timedtext-tap.ts) hands a MessagePort to the isolated-world inbox (timedtext-inbox.ts) before
 * any page script runs, and sends only through it; the inbox keeps what it reads there for the
 * YouTube adapter. docs/ARCHITECTURE.md, "YouTube's caption responses", says what a page can and
 * cannot do to it. This file is the contract the three share (each is bundled on its own).
 */
import type { CaptionTrack } from './sites/adapter';

/** The data of the one window message that carries the tap's port. */
export const TAP_HANDOVER = 'webinar-notes:timedtext-tap';

/** What the tap sends through the port: a caption response as the page's player received it. */
export interface TappedResponse {
  /** The response's URL (after redirects). */
  url: string;
  /** Its body as text, at most MAX_CAPTION_RESPONSE_BYTES UTF-16 units. */
  body: string;
}

/** The caption tracks the player fetched, by video id, as the inbox holds them. */
export interface TimedtextInbox {
  /**
   * Calls `onTrack` with each track held for `videoId` (one per language), at once and whenever
   * the player fetches one again, until `signal` aborts.
   */
  follow(videoId: string, onTrack: (track: CaptionTrack) => void, signal: AbortSignal): void;
}

// Content scripts of one extension share the isolated world's globals in a frame; the page's
// world cannot see them.
const INBOX = Symbol.for('webinar-notes.timedtext-inbox');

/** Makes `inbox` the frame's one inbox (the inbox script, at document_start). */
export function installTimedtextInbox(inbox: TimedtextInbox): void {
  (globalThis as Record<symbol, unknown>)[INBOX] = inbox;
}

/** The frame's inbox, or null where the inbox script did not run (a frame it does not match). */
export function timedtextInbox(): TimedtextInbox | null {
  return ((globalThis as Record<symbol, unknown>)[INBOX] as TimedtextInbox | undefined) ?? null;
}
