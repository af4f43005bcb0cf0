/**
 * The composer as the panel renders it, for component tests: inside the panel's context, with a
 * fixed time, nothing playing, no speaker unless given, the transcripts given (none by default),
 * and no frame to be had unless `captureFrame` gives one. Call again with another recording or time, as a message would.
 */
import { render } from 'preact';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings';
import type { Speaker, Transcript } from '../../src/core/model';
import type { RecordingInfo } from '../../src/db/recordings';
import { Composer } from '../../src/pages/panel/Composer';
import { PanelContext, type PanelValue } from '../../src/pages/panel/panel-context';
import { playbackStore } from '../../src/pages/panel/playback-store';
import { TranscriptsContext } from '../../src/pages/panel/transcripts-context';

export function renderComposer(
  host: HTMLElement,
  {
    panelId,
    recording,
    time,
    whyNoTime = 'The video has no time yet.',
    transcripts = [],
    settings = DEFAULT_SETTINGS,
    speakers = [],
    captureFrame = () => Promise.resolve({ ok: false, failure: { reason: 'no-answer' } }),
    toast = () => undefined,
  }: {
    panelId: string;
    recording: RecordingInfo;
    time: number | null;
    whyNoTime?: string;
    transcripts?: readonly Transcript[];
    settings?: Settings;
    speakers?: readonly Speaker[];
    /** What the video's page gives for a frame (the content script and the tab capture stand behind this in the panel). */
    captureFrame?: PanelValue['captureFrame'];
    toast?: PanelValue['toast'];
  },
): void {
  const panel: PanelValue = {
    panelId,
    recording,
    speakers,
    nowSpeaking: undefined,
    playback: playbackStore(),
    readTime: () => time,
    whyNoTime: () => whyNoTime,
    isPlaying: () => false,
    seek: () => undefined,
    pause: () => undefined,
    play: () => undefined,
    focusRequest: 0,
    frameRequest: 0,
    captureFrame,
    askTabCapture: null,
    frameShortcut: undefined,
    problem: null,
    toast,
    copyLink: () => undefined,
  };
  render(
    <PanelContext.Provider value={panel}>
      <TranscriptsContext.Provider value={{ get: () => transcripts, problem: () => null, subscribe: () => () => undefined }}>
        <Composer recording={recording} settings={settings} />
      </TranscriptsContext.Provider>
    </PanelContext.Provider>,
    host,
  );
}
