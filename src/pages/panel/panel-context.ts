import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { t } from '../../core/i18n';
import { linkAt } from '../../core/links';
import type { Speaker } from '../../core/model';
import type { RecordingInfo } from '../../db/recordings';
import type { Toast } from '../shared/toast';
import { panelId } from './panel-instance';
import type { PlaybackStore } from './playback-store';
import type { VideoLink } from './video-link';
import type { Capture } from './frame-capture';

/**
 * What the panel's parts read about the video and the recording, provided once by `Panel`
 * rather than passed down through each component between. Stable while the video plays: the
 * moving time is read through `playback` (or `readTime`), so a new playback message re-renders
 * no one who only reads this.
 */
export interface PanelValue {
  /** This panel (see panel-instance.ts): drafts are stored under it. */
  panelId: string;
  /** The recording playing now; null while there is none (navigating). */
  recording: RecordingInfo | null;
  /** The recording's speakers, as stored. */
  speakers: readonly Speaker[];
  /** The speaker picked as "now speaking": new notes carry it. */
  nowSpeaking: string | undefined;
  playback: PlaybackStore;
  /** The video's time now in seconds, or null when it has none (not loaded, an ad). */
  readTime(): number | null;
  /** Why `readTime` has nothing, in words for the user. */
  whyNoTime(): string;
  isPlaying(): boolean;
  /** Asks the video to play from `t` seconds. */
  seek(t: number): void;
  pause(): void;
  play(): void;
  /** Changes whenever the composer is asked for (shortcut, launcher): focus the text box. */
  focusRequest: number;
  /** Changes whenever the frame shortcut asks for the video's picture on the note being written. */
  frameRequest: number;
  /** Takes the video's picture now (frame-capture.ts); never rejects. */
  captureFrame(): Promise<Capture>;
  /**
   * Asks the browser, from the click that calls it, for the permission a capture of the tab needs
   * (tab-capture-permission.ts); resolves to whether it was given. Null where this page cannot ask
   * (Firefox's panel frame inside a page has no `permissions` API).
   */
  askTabCapture: (() => Promise<boolean>) | null;
  /** The frame shortcut's keys, where the browser tells them. */
  frameShortcut: string | undefined;
  /** Why nothing can be taken here (the video left, the port closed); null while all is well. */
  problem: string | null;
  /** Tells the user what happened, with Undo where it applies. */
  toast(toast: Toast): void;
  /** Copies a link to `t` seconds of the recording, and says so. */
  copyLink(t: number): void;
}

export const PanelContext = createContext<PanelValue | null>(null);

/** The panel's shared values; only inside `PanelContext.Provider` (throws elsewhere). */
export function usePanel(): PanelValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('A panel part was rendered outside the panel.');
  return value;
}

interface PanelState {
  link: VideoLink | null;
  frameRequest: number;
  captureFrame(): Promise<Capture>;
  askTabCapture: (() => Promise<boolean>) | null;
  frameShortcut: string | undefined;
  recording: RecordingInfo | null;
  speakers: readonly Speaker[];
  nowSpeaking: string | undefined;
  playback: PlaybackStore;
  focusRequest: number;
  problem: string | null;
  toast(toast: Toast): void;
}

/** The context's value from the panel's state: a new one only when that state changes, never as the video's time moves. */
export function usePanelValue(state: PanelState): PanelValue {
  const { link, recording, speakers, nowSpeaking, playback, focusRequest, frameRequest, captureFrame, askTabCapture, frameShortcut, problem, toast } = state;
  return useMemo<PanelValue>(
    () => ({
      panelId: panelId(),
      recording,
      speakers,
      nowSpeaking,
      playback,
      readTime: playback.timeNow,
      whyNoTime: () => t(playback.get()?.ad ? 'panel_adPlaying' : 'panel_noPlaybackTime'),
      isPlaying: () => playback.get()?.paused === false,
      seek: (time) => link?.send({ type: 'seek', t: time }),
      pause: () => link?.send({ type: 'pause' }),
      play: () => link?.send({ type: 'play' }),
      focusRequest,
      frameRequest,
      captureFrame,
      askTabCapture,
      frameShortcut,
      problem,
      toast,
      copyLink: (time) => {
        const url = recording ? linkAt(recording, time) : null;
        if (!url) {
          toast({ text: t('panel_noAddressForLink') });
          return;
        }
        navigator.clipboard.writeText(url).then(
          () => toast({ text: t('panel_linkCopied', url) }),
          () => toast({ text: t('panel_copyThisLink', url) }),
        );
      },
    }),
    [link, recording, speakers, nowSpeaking, playback, focusRequest, frameRequest, captureFrame, askTabCapture, frameShortcut, problem, toast],
  );
}
