import { applyCaptionUpdate } from '../../core/captions/transcript-merge';
import type { Transcript } from '../../core/model';
import type { ToPanel } from '../../messaging/protocol';

type CaptionsMessage = Extract<ToPanel, { type: 'captions' }>;

/**
 * The caption tracks the video's content script has sent, held outside the component tree (they
 * can arrive several times a second while rolling captions grow). Tracks of one recording only:
 * a message for another recording starts afresh, so no line of one video joins another's.
 */
export interface CaptionStore {
  /** The recording the tracks belong to ('' before any message), and its tracks by language. */
  get(): { recordingKey: string; tracks: ReadonlyMap<string, Transcript> };
  receive(message: CaptionsMessage): void;
  /** Calls `listener` after each message taken in. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function captionStore(now: () => number = Date.now): CaptionStore {
  let recordingKey = '';
  let tracks = new Map<string, Transcript>();
  const listeners = new Set<() => void>();
  return {
    get: () => ({ recordingKey, tracks }),
    receive(message) {
      if (message.recordingKey !== recordingKey) {
        recordingKey = message.recordingKey;
        tracks = new Map();
      } else {
        tracks = new Map(tracks);
      }
      const held = tracks.get(message.lang)?.cues ?? [];
      const { lang, label, source, complete } = message;
      tracks.set(lang, {
        recordingKey,
        lang,
        ...(label ? { label } : {}),
        source,
        complete,
        cues: applyCaptionUpdate(held, message.from, message.cues),
        updatedAt: now(),
      });
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
