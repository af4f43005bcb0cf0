/**
 * The composer as the panel renders it, for component tests: inside the panel's context, with a
 * fixed time, nothing playing and no speaker. Call again with another recording or time, as a
 * message would.
 */
import { render } from 'preact';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RecordingInfo } from '../../src/db/recordings';
import { Composer } from '../../src/pages/panel/Composer';
import { PanelContext, type PanelValue } from '../../src/pages/panel/panel-context';
import { playbackStore } from '../../src/pages/panel/playback-store';

export function renderComposer(host: HTMLElement, { panelId, recording, time, whyNoTime = 'The video has no time yet.' }: { panelId: string; recording: RecordingInfo; time: number | null; whyNoTime?: string }): void {
  const panel: PanelValue = {
    panelId,
    recording,
    speakers: [],
    nowSpeaking: undefined,
    playback: playbackStore(),
    readTime: () => time,
    whyNoTime: () => whyNoTime,
    isPlaying: () => false,
    seek: () => undefined,
    pause: () => undefined,
    play: () => undefined,
    focusRequest: 0,
    problem: null,
    toast: () => undefined,
    copyLink: () => undefined,
  };
  render(
    <PanelContext.Provider value={panel}>
      <Composer recording={recording} settings={DEFAULT_SETTINGS} />
    </PanelContext.Provider>,
    host,
  );
}
