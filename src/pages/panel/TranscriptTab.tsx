import { useEffect, useRef, useState } from 'preact/hooks';
import { plural, t } from '../../core/i18n';
import { cueIndexAt } from '../../core/captions/cue-at';
import type { Cue, QaItem, Transcript } from '../../core/model';
import { formatTime } from '../../core/time';
import { VirtualList } from '../shared/VirtualList';
import { usePanel } from './panel-context';
import { TranscriptActions } from './TranscriptActions';
import type { NoteFromLines } from './Composer';
import { useTranscriptList } from './transcripts-context';
import { useLineSelection } from './use-line-selection';
import { usePlaybackValue } from './use-playback-value';

interface Props {
  /** The recording's questions, for "Answer from these lines". */
  questions: readonly QaItem[];
  /** Opens the composer with a note begun from the selected lines. */
  onNoteFromLines(note: Omit<NoteFromLines, 'request'>): void;
}

/** What a transcript is called in the language choice: its label, else its language tag. */
function transcriptName(transcript: Transcript): string {
  return transcript.label ?? (transcript.lang || t('panel_captions'));
}

/** Keys that scroll a list: pressed in it, the user is reading elsewhere than the line playing. */
const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown']);

/**
 * The recording's transcript as far as it is known: one line a cue with its time and voice, the
 * line playing highlighted and kept in view until the user scrolls away ("Back to now" returns).
 * Lines are picked with their checkboxes (shift for a range) for a note or an answer. Text from
 * the captions is shown as text.
 */
export function TranscriptTab({ questions, onNoteFromLines }: Props) {
  const { playback, seek, recording } = usePanel();
  const { transcripts, problem } = useTranscriptList();
  const [lang, setLang] = useState<string | null>(null);
  const transcript = transcripts.find((known) => known.lang === lang) ?? transcripts[0];
  const cues: readonly Cue[] = transcript?.cues ?? [];
  const selection = useLineSelection(cues, `${recording?.key ?? ''}\n${transcript?.lang ?? ''}`);
  const current = usePlaybackValue(playback, (now) => (now === null ? -1 : cueIndexAt(cues, now)));
  const [following, setFollowing] = useState(true);
  useEffect(() => setFollowing(true), [recording?.key]);
  const list = useRef<HTMLDivElement>(null);

  const warning = problem && (
    <p class="banner error" role="alert">
      {problem}
    </p>
  );
  if (!transcript) {
    return (
      <>
      {warning}
      <p class="empty muted">{t('panel_noTranscript')}</p>
      </>
    );
  }

  const awayFromNow = (event: Event) => {
    if (event.type === 'keydown' && !SCROLL_KEYS.has((event as KeyboardEvent).key)) return;
    // A press on the scroll bar lands on the scrolling element itself, not on a line.
    if (event.type === 'pointerdown' && !(event.target as Element).classList.contains('virtual-scroll')) return;
    setFollowing(false);
  };

  return (
    <div class="transcript">
      {warning}
      <div class="transcript-bar">
        {transcripts.length > 1 ? (
          <label>
            {t('panel_language')}{' '}
            <select value={transcript.lang} onChange={(event) => setLang(event.currentTarget.value)}>
              {transcripts.map((known) => (
                <option key={known.lang} value={known.lang}>
                  {transcriptName(known)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <span>{transcriptName(transcript)}</span>
        )}
        <span class="muted">
          {plural(transcript.complete ? 'panel_wholeTrack' : 'panel_linesSeen', cues.length)}
        </span>
        {!following && current >= 0 && (
          <button type="button" class="back-to-now" onClick={() => setFollowing(true)}>
            {t('panel_backToNow')}
          </button>
        )}
      </div>
      {selection.selected.length > 0 && (
        <TranscriptActions lines={selection.selected} transcript={transcript} questions={questions} onClear={selection.clear} onNote={onNoteFromLines} />
      )}
      <div class="transcript-lines" ref={list} onWheel={awayFromNow} onTouchStart={awayFromNow} onKeyDown={awayFromNow} onPointerDown={awayFromNow}>
        <VirtualList
          items={cues}
          itemKey={(cue) => `${cue.start}/${cue.end}`}
          estimateSize={40}
          label={t('panel_transcriptList', transcriptName(transcript))}
          class="transcript-scroll"
          revealIndex={following ? current : undefined}
          itemProps={(_, index) => ({
            class: `line${index === current ? ' current' : ''}`,
            'aria-current': index === current ? 'true' : undefined,
          })}
          renderItem={(cue, index) => (
            <>
              <input
                type="checkbox"
                checked={selection.isSelected(cue)}
                aria-label={t('panel_selectLineAt', formatTime(cue.start))}
                // Not prevented: a cancelled click puts the box back after the render that set it.
                onClick={(event) => selection.toggle(index, event.shiftKey)}
              />
              <button type="button" class="time" onClick={() => seek(cue.start)} aria-label={t('panel_playFrom', formatTime(cue.start))}>
                {formatTime(cue.start)}
              </button>
              <p class="line-text" dir="auto">
                {cue.voice && <span class="line-voice">{cue.voice}: </span>}
                {cue.text}
              </p>
            </>
          )}
        />
      </div>
    </div>
  );
}
