import type { ComponentChildren } from 'preact';
import type { Settings } from '../../core/settings';
import type { RecordingInfo } from '../../db/recordings';
import type { CaptionStore } from './caption-store';
import { TranscriptsContext, useTranscriptsSource } from './transcripts-context';
import { useTranscripts } from './use-transcripts';

interface Props {
  recording: RecordingInfo | null;
  captions: CaptionStore;
  settings: Settings | null;
  children: ComponentChildren;
}

/**
 * Keeps the recording's transcripts as they are heard (useTranscripts: stored from here whichever
 * tab is shown) and gives them to the parts below. Its own component: a caption message
 * re-renders it and those who follow the transcripts, not the panel, whose children it is given.
 */
export function TranscriptsProvider({ recording, captions, settings, children }: Props) {
  const heard = useTranscripts(recording, captions, settings);
  const source = useTranscriptsSource(heard.transcripts, heard.problem);
  return <TranscriptsContext.Provider value={source}>{children}</TranscriptsContext.Provider>;
}
