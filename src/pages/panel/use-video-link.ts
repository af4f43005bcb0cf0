import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Note } from '../../core/model';
import type { Settings } from '../../core/settings';
import { db } from '../../db/schema';
import type { RecordingInfo } from '../../db/recordings';
import { MarkerFeed } from '../../messaging/marker-feed';
import type { ToPanel } from '../../messaging/protocol';
import type { PanelPlace } from '../../platform/side-panel';
import { errorText } from '../../core/error-text';
import { t } from '../../core/i18n';
import type { Live } from '../shared/live-query';
import { playbackStore, type PlaybackStore } from './playback-store';
import { captionStore, type CaptionStore } from './caption-store';
import { connectToVideo, followActiveTab, type VideoLink } from './video-link';
import { ContentAnswers } from './frame-capture';

/** How soon the side panel looks again for a video in a tab that had none, in ms. */
const SIDE_PANEL_RETRY_MS = 2000;
/** A content script answers a port it accepts at once; silence this long (ms) means it refused it. */
const PAIRING_TIMEOUT_MS = 4000;

export type StorageCheck = { state: 'checking' } | { state: 'ok' } | { state: 'refused'; reason: string };

export interface VideoLinkState {
  /** The port to the video's content script; null until connected. */
  link: VideoLink | null;
  /** The content script speaks first once it has accepted our port: that is the pairing. */
  paired: boolean;
  /** The pairing wait is over: an unpaired panel then says why instead of waiting. */
  waitedLong: boolean;
  /** Why nothing can be taken here; null while all is well. */
  problem: string | null;
  recording: RecordingInfo | null;
  /** Playback messages go here, not into component state (see PlaybackStore). */
  playback: PlaybackStore;
  /** Caption messages go here (see CaptionStore). */
  captions: CaptionStore;
  /** Counts the composer requests (shortcut, launcher) so far. */
  focusRequest: number;
  /** Counts the frame shortcut's requests so far: each attaches the video's picture to the note being written. */
  frameRequest: number;
  /** The content script's answers to this panel's frame requests. */
  answers: ContentAnswers;
  /** Whether the browser lets this page open the extension's IndexedDB. */
  storage: StorageCheck;
  /** Where the slide watch's messages go (use-slides.ts sets its handler). */
  slideInbox: SlideInbox;
}

export type SlideMessage = Extract<ToPanel, { type: 'slide' | 'slide-watch-unavailable' }>;
/** The one handler of the slide watch's messages; none set, they are dropped. */
export interface SlideInbox {
  handler: ((message: SlideMessage) => void) | null;
}

/**
 * The panel's link to its video: connects the port (see video-link.ts), follows the recording,
 * playback and composer requests it sends, and checks storage. `place` and `onCompose` (run
 * with each composer request, in the same update, so the composer's tab is shown before the
 * composer takes the focus) are read once.
 */
export function useVideoLink(place: PanelPlace, onCompose: () => void): VideoLinkState {
  const side = place === 'side-panel';
  const [link, setLink] = useState<VideoLink | null>(null);
  const [paired, setPaired] = useState(false);
  const [waitedLong, setWaitedLong] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recording, setRecording] = useState<RecordingInfo | null>(null);
  const [playback] = useState(playbackStore);
  const [captions] = useState(() => captionStore());
  const [focusRequest, setFocusRequest] = useState(0);
  const [frameRequest, setFrameRequest] = useState(0);
  const [answers] = useState(() => new ContentAnswers());
  const [storage, setStorage] = useState<StorageCheck>({ state: 'checking' });
  const [slideInbox] = useState<SlideInbox>(() => ({ handler: null }));

  useEffect(() => {
    // Test seam (docs/ARCHITECTURE.md): e2e tests wait until the panel has heard a seek before
    // typing. Only code in this frame's own scope reaches it; the page cannot.
    (globalThis as { webinarNotesPlayback?: PlaybackStore }).webinarNotesPlayback = playback;
    // With storage partitioning turned off, Chrome refuses IndexedDB to an extension frame inside
    // a page. Say so rather than pretend to save.
    db()
      .open()
      .then(
        () => setStorage({ state: 'ok' }),
        (error: unknown) => setStorage({ state: 'refused', reason: errorText(error) }),
      );
    if (place === 'tab') {
      setProblem(t('panel_onlyBesideVideo'));
      return;
    }
    setTimeout(() => setWaitedLong(true), PAIRING_TIMEOUT_MS);
    const onMessage = (message: ToPanel) => {
      setPaired(true);
      switch (message.type) {
        case 'recording':
          setRecording(message.recording.key ? message.recording : null);
          break;
        case 'navigating':
          setRecording(null);
          break;
        case 'playback':
          playback.set(message.playback);
          break;
        case 'captions':
          captions.receive(message);
          break;
        case 'compose':
          onCompose();
          setFocusRequest((n) => n + 1);
          break;
        case 'attach-frame':
          onCompose();
          setFocusRequest((n) => n + 1);
          setFrameRequest((n) => n + 1);
          break;
        case 'frame':
        case 'layer':
          answers.receive(message);
          break;
        case 'slide':
        case 'slide-watch-unavailable':
          slideInbox.handler?.(message);
          break;
        case 'video-gone':
          setProblem(t('panel_videoLeftPage'));
          break;
      }
    };
    connectToVideo(place, onMessage, () =>
      setProblem(t(side ? 'panel_videoLeftTab' : 'panel_lostTouch')),
    ).then(
      (connected) => {
        setLink(connected);
        if (side) followActiveTab(connected.tabId);
      },
      (error: unknown) => {
        setProblem(errorText(error));
        if (!side) return;
        followActiveTab(null);
        // The tab's video may not be there yet (the page is loading, or it adds the player later):
        // look again, so the launcher's request finds this panel connected.
        setTimeout(() => location.reload(), SIDE_PANEL_RETRY_MS);
      },
    );
  }, []);

  return { link, paired, waitedLong, problem, recording, playback, captions, focusRequest, frameRequest, answers, storage, slideInbox };
}

/**
 * What the panel tells its video: where the user wants to type (`placement`, from the frame
 * only), to show the panel once on opening if the settings say so, and the markers of
 * `recordingKey`'s notes: all of them once, then what changed (messaging/marker-feed.ts).
 */
export function useVideoFeed(link: VideoLink | null, place: PanelPlace, settings: Live<Settings>, recordingKey: string | undefined, notes: Live<readonly Note[]>): void {
  const sidePanelOnly = settings.state === 'ready' && settings.value.typeInSidePanel;
  useEffect(() => {
    if (link && place === 'frame' && settings.state === 'ready') link.send({ type: 'placement', sidePanelOnly });
  }, [link, settings.state, sidePanelOnly]);
  const openedOnce = useRef(false);
  useEffect(() => {
    if (!link || settings.state !== 'ready' || openedOnce.current || place === 'side-panel') return;
    openedOnce.current = true;
    if (settings.value.openPanelOnVideo && !settings.value.typeInSidePanel) link.send({ type: 'panel-visible', visible: true });
  }, [link, settings]);
  // What the page holds is this link's: a new link starts with the full set.
  const feed = useMemo(() => new MarkerFeed(), [link]);
  useEffect(() => {
    // Loading means another recording, or the same one read again after the page moved away
    // (the content script cleared the markers then): the full set goes once it is read.
    if (notes.state !== 'ready') feed.reset();
    if (!link || notes.state !== 'ready') return;
    const message = feed.update(recordingKey, notes.value);
    if (message) link.send(message);
  }, [link, notes]);
}
