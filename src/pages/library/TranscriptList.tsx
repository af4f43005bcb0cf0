import type { Transcript } from '../../core/model';
import { transcriptFileName, transcriptVtt } from '../../core/export';
import { downloadText } from '../shared/download';
import { useLiveQuery } from '../shared/live-query';
import { listTranscripts } from '../../db/transcript-reads';

/** "English (auto-generated) (en)", or the tag alone, or "No language named". */
function trackName(transcript: Transcript): string {
  const label = transcript.label?.trim();
  const lang = transcript.lang.trim();
  if (label && lang) return `${label} (${lang})`;
  return label || lang || 'No language named';
}

/**
 * The recording's transcripts, one line per language, each with how much of the track it holds
 * and a WebVTT download. Names and tags came from a page: shown as text.
 */
export function TranscriptList({ recordingKey }: { recordingKey: string }) {
  const transcripts = useLiveQuery(() => listTranscripts(recordingKey), [recordingKey]);
  if (transcripts.state === 'failed') {
    return (
      <p class="error" role="alert">
        The transcripts could not be read: {transcripts.error.message}
      </p>
    );
  }
  if (transcripts.state === 'loading' || transcripts.value.length === 0) return null;
  return (
    <section aria-label="Transcripts" class="transcripts">
      <h3>Transcripts</h3>
      <ul class="transcript-list">
        {transcripts.value.map((transcript) => {
          const lines = transcript.cues.length.toLocaleString();
          return (
            <li key={transcript.lang}>
              <span dir="auto">{trackName(transcript)}</span>{' '}
              <span class="muted">
                {transcript.complete ? `${lines} lines, the whole track` : `${lines} lines seen so far`}
              </span>{' '}
              <button
                type="button"
                onClick={() => downloadText(transcriptVtt(transcript), 'text/vtt', transcriptFileName(transcript))}
              >
                Download transcript (WebVTT)
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
