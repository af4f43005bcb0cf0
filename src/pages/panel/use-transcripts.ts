import { useEffect, useMemo, useState } from 'preact/hooks';
import { mergeTranscripts } from '../../core/captions/transcript-merge';
import type { Transcript } from '../../core/model';
import type { Settings } from '../../core/settings';
import { errorText } from '../../core/error-text';
import { t } from '../../core/i18n';
import type { RecordingInfo } from '../../db/recordings';
import { loadTranscripts, storeHeard } from '../../db/transcripts';
import { useLiveQuery } from '../shared/live-query';
import { throttle } from '../shared/throttle';
import type { CaptionStore } from './caption-store';

/** Lines heard are written at most this often (ms) while captions roll in, and at once on leaving. */
export const TRANSCRIPT_WRITE_MS = 2000;

export interface TranscriptsState {
  /**
   * The recording's transcripts as far as they are known: what the player sends now, merged over
   * what is stored. The track heard last comes first (the one the viewer follows).
   */
  transcripts: readonly Transcript[];
  /** Why heard lines could not be stored, in words for the user; null while all is well. */
  problem: string | null;
}

/**
 * The transcripts of the recording playing, kept as they are heard: lines from `captions` are
 * stored (merged over what is stored, in one transaction) when the settings keep transcripts;
 * otherwise they are held only while this panel is open.
 */
export function useTranscripts(recording: RecordingInfo | null, captions: CaptionStore, settings: Settings | null): TranscriptsState {
  const key = recording?.key ?? '';
  const stored = useLiveQuery(async () => (key ? loadTranscripts(key) : []), [key]);
  const [heard, setHeard] = useState(captions.get());
  const [problem, setProblem] = useState<string | null>(null);
  const keep = settings?.keepTranscripts ?? false;

  // Written from the store, not from a render. The store makes a new object only for the track a
  // message changed, so a track is written when it is not the object written last.
  const [writer] = useState(() => ({ keep: false, written: new Map<string, Transcript>() }));
  writer.keep = keep;
  const [write] = useState(() =>
    throttle(() => {
      if (!writer.keep) return;
      for (const track of captions.get().tracks.values()) {
        if (writer.written.get(track.lang) === track) continue;
        writer.written.set(track.lang, track);
        storeHeard(track).then(() => setProblem(null), (error: unknown) => setProblem(t('panel_captionsNotStored', errorText(error))));
      }
    }, TRANSCRIPT_WRITE_MS),
  );
  useEffect(() => {
    const unsubscribe = captions.subscribe(() => {
      setHeard(captions.get());
      write.request();
    });
    const leaving = () => write.flush();
    addEventListener('pagehide', leaving);
    return () => {
      unsubscribe();
      removeEventListener('pagehide', leaving);
      write.flush();
    };
  }, [captions]);

  // A whole track often arrives in the panel's first moments, before the settings are read, and
  // is not sent again: once the settings say to keep transcripts, what was heard is written.
  useEffect(() => {
    if (keep) write.request();
  }, [keep, write]);

  const transcripts = useMemo(() => {
    const byLang = new Map<string, Transcript>();
    for (const transcript of stored.state === 'ready' ? stored.value : []) byLang.set(transcript.lang, transcript);
    const live = heard.recordingKey === key ? [...heard.tracks.values()] : [];
    for (const track of live) byLang.set(track.lang, mergeTranscripts(byLang.get(track.lang), track));
    return [...byLang.values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }, [stored, heard, key]);

  return { transcripts, problem: problem ?? (stored.state === 'failed' ? stored.error.message : null) };
}
