import type { Transcript } from '../../core/model';
import { transcriptFileName, transcriptVtt } from '../../core/export';
import { downloadText } from '../shared/download';
import { useLiveQuery } from '../shared/live-query';
import { listTranscripts } from '../../db/transcript-reads';
import { plural, t } from '../../core/i18n';

/** "English (auto-generated) (en)", or the tag alone, or "No language named" (in the pages' language). */
function trackName(transcript: Transcript): string {
  const label = transcript.label?.trim();
  const lang = transcript.lang.trim();
  if (label && lang) return `${label} (${lang})`;
  return label || lang || t('library_noLanguageNamed');
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
        {t('library_transcriptsFailed', transcripts.error.message)}
      </p>
    );
  }
  if (transcripts.state === 'loading' || transcripts.value.length === 0) return null;
  return (
    <section aria-label={t('library_transcripts')} class="transcripts">
      <h3>{t('library_transcripts')}</h3>
      <ul class="transcript-list">
        {transcripts.value.map((transcript) => {
          const lines = transcript.cues.length;
          return (
            <li key={transcript.lang}>
              <span dir="auto">{trackName(transcript)}</span>{' '}
              <span class="muted">
                {plural(transcript.complete ? 'library_linesWhole' : 'library_linesSoFar', lines)}
              </span>{' '}
              <button
                type="button"
                onClick={() => downloadText(transcriptVtt(transcript), 'text/vtt', transcriptFileName(transcript))}
              >
                {t('library_downloadTranscript')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
