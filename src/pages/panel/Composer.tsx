import { useEffect, useRef, useState } from 'preact/hooks';
import { noteTime } from '../../core/playback';
import type { Settings } from '../../core/settings';
import { formatTime } from '../../core/time';
import { discardDraft, loadDraft, saveDraft } from '../../db/drafts';
import { addNote, checkNoteText, type RecordingInfo } from '../../db/notes';
import { errorText } from '../shared/FormError';

/** A keystroke's draft reaches the database this soon: a reload right after typing keeps it. */
const DRAFT_DELAY_MS = 150;

interface Props {
  recording: RecordingInfo;
  settings: Settings;
  /** The video's time now, or null when it has none (not loaded, or NaN). */
  readTime(): number | null;
  /** Why `readTime` has nothing, in words for the user. */
  whyNoTime(): string;
  isPlaying(): boolean;
  pause(): void;
  play(): void;
  /** Changes whenever the composer is asked for (shortcut, launcher): focus the text box. */
  focusRequest: number;
  disabledReason: string | null;
  /** The speaker picked as "now speaking": new notes carry it. */
  speakerId: string | undefined;
}

/**
 * Where a note is typed. The note's time is taken when typing starts (minus the lead-in), not when
 * it is saved; the draft, with that time, is stored as it is typed.
 */
export function Composer({
  recording,
  settings,
  readTime,
  whyNoTime,
  isPlaying,
  pause,
  play,
  focusRequest,
  disabledReason,
  speakerId,
}: Props) {
  const [text, setText] = useState('');
  const [t, setT] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const pausedByUs = useRef(false);
  const pendingDraft = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef({ text, t });
  latest.current = { text, t };

  const flushDraft = () => {
    clearTimeout(pendingDraft.current);
    pendingDraft.current = undefined;
    const { text: draftText, t: draftT } = latest.current;
    if (draftText !== '' && draftT !== null) void saveDraft(recording.key, draftText, draftT);
  };

  useEffect(() => {
    let cancelled = false;
    void loadDraft(recording.key).then((draft) => {
      if (cancelled || !draft || latest.current.text !== '') return;
      setText(draft.text);
      setT(draft.t);
    });
    return () => {
      cancelled = true;
      if (pendingDraft.current !== undefined) flushDraft();
    };
  }, [recording.key]);

  useEffect(() => {
    if (focusRequest > 0) box.current?.focus();
  }, [focusRequest]);

  const resume = () => {
    if (pausedByUs.current) play();
    pausedByUs.current = false;
  };

  const onInput = (value: string) => {
    setText(value);
    setMessage(null);
    // From the ref, not the render: several keystrokes can arrive before the next render.
    let noteT = latest.current.t;
    if (value === '') {
      latest.current = { text: '', t: null };
      setT(null);
      clearTimeout(pendingDraft.current);
      void discardDraft(recording.key);
      return;
    }
    if (noteT === null) {
      const now = readTime();
      if (now === null) {
        setMessage(whyNoTime());
        return;
      }
      noteT = noteTime(now, settings.leadInSeconds);
      setT(noteT);
      if (settings.pauseWhileTyping && isPlaying()) {
        pause();
        pausedByUs.current = true;
      }
    }
    latest.current = { text: value, t: noteT };
    clearTimeout(pendingDraft.current);
    pendingDraft.current = setTimeout(flushDraft, DRAFT_DELAY_MS);
  };

  const save = async () => {
    const { text: noteText, t: noteT } = latest.current;
    const problem = checkNoteText(noteText);
    if (problem || noteT === null) {
      setMessage(problem ?? 'Type the note while the video has a playback time.');
      return;
    }
    clearTimeout(pendingDraft.current);
    pendingDraft.current = undefined;
    // Clear at once so the next note can be typed while this one is written; the draft stays in
    // the database until the note is stored, in the same transaction.
    latest.current = { text: '', t: null };
    setText('');
    setT(null);
    setMessage(null);
    resume();
    try {
      await addNote(recording, noteT, noteText, speakerId);
    } catch (error) {
      if (latest.current.text === '') {
        latest.current = { text: noteText, t: noteT };
        setText(noteText);
        setT(noteT);
      }
      setMessage(`Not saved: ${errorText(error)}. Your text is kept.`);
    }
  };

  const cancel = () => {
    clearTimeout(pendingDraft.current);
    pendingDraft.current = undefined;
    setText('');
    setT(null);
    setMessage(null);
    void discardDraft(recording.key);
    resume();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    }
  };

  const disabled = disabledReason !== null;
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        if (text === '') box.current?.focus();
        else void save();
      }}
    >
      <label for="composer-text" class="visually-hidden">
        New note
      </label>
      <textarea
        id="composer-text"
        ref={box}
        rows={3}
        dir="auto"
        placeholder={disabledReason ?? 'Type a note: it gets the moment you start'}
        value={text}
        disabled={disabled}
        aria-describedby="composer-status"
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer-bar">
        <span id="composer-status" class={message ? 'error' : 'muted'} role={message ? 'alert' : undefined}>
          {message ?? (t !== null ? `Note at ${formatTime(t)}` : 'Enter saves · Esc cancels')}
        </span>
        <button type="submit" class="primary" disabled={disabled}>
          Add note
        </button>
      </div>
    </form>
  );
}
