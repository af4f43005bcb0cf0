/**
 * The composer as the panel renders it, for component tests: the panel's props with a fixed time,
 * nothing playing and no speaker. Call again with another recording or time, as a message would.
 */
import { render } from 'preact';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import type { RecordingInfo } from '../../src/db/recordings';
import { Composer } from '../../src/pages/panel/Composer';

export function renderComposer(host: HTMLElement, { panelId, recording, time, whyNoTime = 'The video has no time yet.' }: { panelId: string; recording: RecordingInfo; time: number | null; whyNoTime?: string }): void {
  render(
    <Composer
      panelId={panelId}
      recording={recording}
      settings={DEFAULT_SETTINGS}
      readTime={() => time}
      whyNoTime={() => whyNoTime}
      isPlaying={() => false}
      pause={() => undefined}
      play={() => undefined}
      focusRequest={0}
      disabledReason={null}
      speakerId={undefined}
    />,
    host,
  );
}
