// @vitest-environment happy-dom
/**
 * Caption messages come several times a second while rolling captions grow: they re-render those
 * who follow the transcripts (the Transcript tab), not the rest of the panel.
 */
import 'fake-indexeddb/auto';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { captionStore } from '../../src/pages/panel/caption-store';
import { TranscriptsProvider } from '../../src/pages/panel/TranscriptsProvider';
import { useTranscriptList } from '../../src/pages/panel/transcripts-context';
import { emptyDatabase } from './empty-db';

const RECORDING = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube' as const, url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };

describe('TranscriptsProvider', () => {
  it('re-renders the transcripts’ followers on a caption message, and not the panel it wraps', async () => {
    await emptyDatabase();
    const captions = captionStore();
    const renders = { panel: 0, follower: 0 };
    const seen: number[] = [];
    function Follower() {
      renders.follower++;
      const { transcripts } = useTranscriptList();
      seen.push(transcripts[0]?.cues.length ?? 0);
      return null;
    }
    function PanelPart() {
      renders.panel++;
      return <Follower />;
    }
    const host = document.createElement('div');
    const panel = <PanelPart />;
    await act(() => render(<TranscriptsProvider recording={RECORDING} captions={captions} settings={null}>{panel}</TranscriptsProvider>, host));
    const before = { ...renders };
    await act(() =>
      captions.receive({
        type: 'captions',
        recordingKey: RECORDING.key,
        lang: 'en',
        source: 'track',
        complete: false,
        from: 0,
        cues: [{ start: 1, end: 2, text: 'Hello.' }],
      }),
    );
    await expect.poll(() => seen[seen.length - 1]).toBe(1);
    expect(renders.panel).toBe(before.panel);
    expect(renders.follower).toBeGreaterThan(before.follower);
  });
});
