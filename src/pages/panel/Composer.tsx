import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import { quoteForNote, type TakenQuote } from '../../core/captions/quote';
import type { Draft, Quote } from '../../core/model';
import { speakerForVoice } from '../../core/people';
import { noteTime } from '../../core/playback';
import type { Settings } from '../../core/settings';
import { formatTime } from '../../core/time';
import { adoptDraft, discardDraft, loadDrafts, pruneDrafts, saveDraft, setDraftAside } from '../../db/drafts';
import { deleteImage, noteImages, storeImage } from '../../db/images';
import { addNote, checkNoteText, type RecordingInfo } from '../../db/notes';
import { errorText } from '../../core/error-text';
import { FEEDBACK, failedText } from '../../core/feedback-text';
import { newId } from '../../core/ids';
import { FrameThumbs } from '../shared/FrameThumbs';
import { useLiveQuery } from '../shared/live-query';
import { throttle } from '../shared/throttle';
import { CameraIcon, FrameProblem, useAttachFrame } from './AttachFrame';
import { DraftOffers } from './DraftOffers';
import { usePanel } from './panel-context';
import { QuoteField } from './QuoteField';
import { TranscriptsContext } from './transcripts-context';

/**
 * While typing goes on, the draft is written at least this often (and the last keystroke at most
 * this long after it is typed), so a reload or a crash mid-sentence costs at most this much text.
 * Leaving the page (reload, close, tab hidden) writes it at once.
 */
export const DRAFT_INTERVAL_MS = 200;

/** A note begun from transcript lines (the Transcript tab): its time, and the lines as its quote. */
export interface NoteFromLines extends TakenQuote {
  /** Seconds into the recording. */
  t: number;
  /** A new request each time, even for the same lines. */
  request: number;
}

interface Props {
  /** The recording playing now. A note goes to the one that played when its typing started. */
  recording: RecordingInfo;
  settings: Settings;
  /** Asks the composer to begin a note from transcript lines, when it is empty. */
  fromLines?: NoteFromLines | null;
}

/**
 * Where a note is typed. The note's time and its recording are taken when typing starts (minus the
 * lead-in for the time), not when it is saved: a page that moves on to the next video while a note
 * is typed does not take the note with it. The draft, with that time, is stored as it is typed,
 * under that recording. The video's time, its controls, the composer requests and "now speaking"
 * come from the panel's context.
 *
 * With the time, when the settings capture quotes, the note takes its quote: the caption text of
 * the window before it (core quoteForNote), shown to be trimmed or dropped and kept in the draft.
 * A voice on the quote's last line that names a speaker gives the note its speaker, unless one is
 * picked as "now speaking".
 *
 * "Attach frame" (or the frame shortcut) stores the video's picture at once, under the id the
 * note will get (`Draft.noteId`), which the draft keeps: the frame goes with the note when it is
 * saved, and with the draft when it is cleared. Attaching begins the note if nothing is typed yet,
 * as a first key would. A frame that fails says why and leaves the text alone.
 */
export function Composer({ recording, settings, fromLines }: Props) {
  const { panelId, readTime, whyNoTime, isPlaying, pause, play, focusRequest, frameRequest, problem: disabledReason, nowSpeaking, speakers, toast } = usePanel();
  const transcripts = useContext(TranscriptsContext);
  const [text, setText] = useState('');
  /** The note's time in seconds, once taken. */
  const [time, setT] = useState<number | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  /** The id the note will get, once a frame is attached to it. */
  const [noteId, setNoteId] = useState<string | null>(null);
  const frames = useAttachFrame();
  // Who the quote's last line names; only for this composer's life (a restored draft has none).
  const quoteVoice = useRef<string | undefined>(undefined);
  // The note's recording: while nothing is typed, the one playing; from the first key, the one
  // that was playing then, until the note is saved or cleared.
  const [target, setTarget] = useState(recording);
  const [message, setMessage] = useState<string | null>(null);
  /** Other panels' drafts of this recording, offered; null until the drafts are read. */
  const [others, setOthers] = useState<Draft[] | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const pausedByUs = useRef(false);
  const latest = useRef({ text, t: time, target, quote, noteId });
  latest.current = { text, t: time, target, quote, noteId };
  const playing = useRef(recording);
  playing.current = recording;
  /** The composer is empty again: from now on it files under the recording playing. */
  const follow = () => {
    latest.current = { text: '', t: null, target: playing.current, quote: null, noteId: null };
    setTarget(playing.current);
    setQuote(null);
    setNoteId(null);
    frames.dismiss();
    quoteVoice.current = undefined;
  };
  /** The text is a draft restored from storage, not yet typed into here. */
  const restored = useRef(false);
  // Nothing typed: follow the video. Typing goes on: the note stays with the recording it began on.
  // A restored draft nobody has typed into is not a note being typed: it stays stored for its
  // recording and leaves the box (else quick navigation could leave one video's draft in the box
  // of the next, and the next words would be filed with it).
  useEffect(() => {
    if (restored.current) {
      restored.current = false;
      setText('');
      setT(null);
      setMessage(null);
      follow();
    } else if (latest.current.noteId !== null) {
      // Frames attached: the note is begun, and stays with its recording like typed words.
    } else if (latest.current.text === '' && latest.current.target.key !== recording.key) {
      setT(null);
      follow();
    } else if (latest.current.text === '') {
      // The same video, its details changed: a note begun from lines keeps its time and quote.
      latest.current.target = recording;
      setTarget(recording);
    }
  }, [recording]);
  // No draft is written until this panel's stored draft has been read: a key pressed before that
  // (the shortcut right after a reload) would overwrite it unseen.
  const ownDraftRead = useRef(false);
  const [draftWriter] = useState(() =>
    throttle(() => {
      const { text: draftText, t: draftT, target: draftRecording, quote: draftQuote, noteId: draftNoteId } = latest.current;
      // Kept even before the note has a time (an ad is playing): the words are what matters. A
      // draft with frames is kept with no words yet: it holds their note's id.
      if ((draftText !== '' || draftNoteId) && ownDraftRead.current) {
        saveDraft(panelId, draftRecording.key, draftText, draftT, draftQuote ?? undefined, draftNoteId ?? undefined).catch((error: unknown) =>
          setMessage(t('panel_draftNotStored', errorText(error))),
        );
      }
    }, DRAFT_INTERVAL_MS),
  );

  useEffect(() => {
    let cancelled = false;
    // The composer moved on to another recording: the video changed and `follow` set it at once,
    // before this effect's cleanup runs on the next render. A read landing in between would put
    // this recording's draft into the box of the next (quick back-and-forth navigation did).
    const stale = () => cancelled || latest.current.target.key !== target.key;
    ownDraftRead.current = false;
    setOthers(null);
    // Pruned first, so a draft past its age is not offered.
    void pruneDrafts()
      .then(() => loadDrafts(panelId, target.key))
      .then(async ({ own, others: offered }) => {
        if (stale()) return;
        const begun = latest.current.text !== '' || latest.current.noteId !== null;
        if (own && begun && (own.text !== latest.current.text || own.noteId !== (latest.current.noteId ?? undefined))) {
          // Typed into (or given a frame) before it was read: the stored draft moves aside and is offered, not lost.
          offered = [await setDraftAside(own), ...offered];
        } else if (own && !begun) {
          setText(own.text);
          setT(own.t);
          setQuote(own.quote ?? null);
          setNoteId(own.noteId ?? null);
          latest.current = { text: own.text, t: own.t, target, quote: own.quote ?? null, noteId: own.noteId ?? null };
          restored.current = true;
        }
        if (stale()) return;
        setOthers(offered);
      })
      .catch((error: unknown) => {
        if (stale()) return;
        setOthers([]);
        setMessage(t('panel_draftsNotRead', errorText(error)));
      })
      .finally(() => {
        if (stale()) return;
        ownDraftRead.current = true;
        if (latest.current.text !== '' || latest.current.noteId) draftWriter.request();
      });
    // The page may be gone before the next write is due: write now. `visibilitychange` too, since
    // a hidden tab may be discarded or killed without `pagehide`.
    const leaving = () => draftWriter.flush();
    const hidden = () => document.visibilityState === 'hidden' && draftWriter.flush();
    addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      cancelled = true;
      removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', hidden);
      draftWriter.flush();
    };
  }, [target.key]);

  useEffect(() => {
    if (focusRequest > 0) box.current?.focus();
  }, [focusRequest]);

  // A note from transcript lines: its time and quote, the words still to type.
  useEffect(() => {
    if (!fromLines) return;
    if (latest.current.text !== '') {
      setMessage(t('panel_takeLinesFirst'));
      box.current?.focus();
      return;
    }
    latest.current = { text: '', t: fromLines.t, target: playing.current, quote: fromLines.quote, noteId: null };
    quoteVoice.current = fromLines.voice;
    setTarget(playing.current);
    setT(fromLines.t);
    setQuote(fromLines.quote);
    setMessage(null);
    box.current?.focus();
  }, [fromLines?.request]);

  const resume = () => {
    if (pausedByUs.current) play();
    pausedByUs.current = false;
  };

  /**
   * The note's time, quote and pause, taken at its first key or its first frame (from `now`,
   * seconds): lead-in applied, the quote of the window before it when the settings keep quotes.
   */
  const takeTime = (now: number): number => {
    const noteT = noteTime(now, settings.leadInSeconds);
    setT(noteT);
    const taken = settings.captureQuotes ? quoteForNote(transcripts.get(), noteT, now, settings.quoteWindowSeconds) : null;
    latest.current.quote = taken?.quote ?? null;
    quoteVoice.current = taken?.voice;
    setQuote(latest.current.quote);
    if (settings.pauseWhileTyping && isPlaying()) {
      pause();
      pausedByUs.current = true;
    }
    return noteT;
  };

  const onInput = (value: string) => {
    restored.current = false;
    setText(value);
    setMessage(null);
    // From the ref, not the render: several keystrokes can arrive before the next render.
    let noteT = latest.current.t;
    if (value === '' && latest.current.noteId) {
      // Frames are attached: the note is still begun, its draft kept (Esc clears it all).
      latest.current.text = '';
      draftWriter.request();
      return;
    }
    if (value === '') {
      const typedFor = latest.current.target;
      setT(null);
      draftWriter.cancel();
      void discardDraft(panelId, typedFor.key);
      follow();
      return;
    }
    // The first key: the note belongs to what plays now, even if the video changes before Enter.
    const noteRecording = latest.current.text === '' && !latest.current.noteId ? playing.current : latest.current.target;
    if (noteRecording !== latest.current.target) setTarget(noteRecording);
    if (noteT === null) {
      const now = readTime();
      if (now === null) {
        setMessage(whyNoTime());
        latest.current = { text: value, t: null, target: noteRecording, quote: null, noteId: latest.current.noteId };
        draftWriter.request();
        return;
      }
      noteT = takeTime(now);
    }
    latest.current = { text: value, t: noteT, target: noteRecording, quote: latest.current.quote, noteId: latest.current.noteId };
    draftWriter.request();
  };

  /**
   * Attaches the video's picture now: the note begins if it has not (its time, recording and
   * quote, as at a first key), gets the id its frames are stored under, and the draft keeps it.
   */
  const attachFrame = async () => {
    if (disabledReason !== null || frames.busy) return;
    restored.current = false;
    const state = latest.current;
    const begun = state.text !== '' || state.noteId !== null;
    const noteRecording = begun ? state.target : playing.current;
    if (noteRecording.key !== playing.current.key) {
      setMessage(t('panel_frameOtherRecording', noteRecording.title));
      return;
    }
    let noteT = state.t;
    if (noteT === null) {
      const now = readTime();
      if (now === null) {
        setMessage(t('panel_noFrameAttached', whyNoTime()));
        return;
      }
      noteT = takeTime(now);
    }
    const id = state.noteId ?? newId();
    latest.current = { ...latest.current, t: noteT, target: noteRecording, noteId: id };
    setTarget(noteRecording);
    setNoteId(id);
    setMessage(null);
    draftWriter.request();
    box.current?.focus();
    await frames.attach({ recordingKey: noteRecording.key, noteId: id, t: noteT });
  };

  // The frame shortcut: the composer is shown and focused by then (the focus request comes with it).
  useEffect(() => {
    if (frameRequest > 0) void attachFrame();
  }, [frameRequest]);

  const attached = useLiveQuery(() => (noteId ? noteImages(noteId) : Promise.resolve([])), [noteId]);

  /** The quote trimmed (`text`) or dropped (null). */
  const changeQuote = (next: Quote | null) => {
    latest.current.quote = next;
    if (next === null) quoteVoice.current = undefined;
    setQuote(next);
    if (latest.current.text !== '') draftWriter.request();
  };

  const save = async () => {
    const { text: noteText, target: noteRecording, quote: typedQuote, noteId: promisedId } = latest.current;
    // A quote trimmed to nothing is dropped.
    const noteQuote = typedQuote && typedQuote.text.trim() !== '' ? { ...typedQuote, text: typedQuote.text.trim() } : undefined;
    const voiceSpeaker = speakerForVoice(quoteVoice.current, speakers)?.id;
    const stillPlaying = noteRecording.key === playing.current.key;
    // Typed while the video had no time (a draft restored from then, say): the time is now's, if
    // now is the same video.
    const now = latest.current.t === null && stillPlaying ? readTime() : null;
    const noteT = latest.current.t ?? (now === null ? null : noteTime(now, settings.leadInSeconds));
    const problem = checkNoteText(noteText);
    if (problem || noteT === null) {
      const noTime = stillPlaying ? whyNoTime() : t('panel_noTimeOtherRecording', noteRecording.title);
      setMessage(problem ?? t('panel_textKept', noTime));
      return;
    }
    // The draft as saved, written before the note (IndexedDB keeps the order), so that storing
    // the note finds its exact text and deletes it: no stale half of it comes back after a reload.
    draftWriter.flush();
    // Clear at once so the next note can be typed while this one is written; the draft stays in
    // the database until the note is stored, in the same transaction.
    setText('');
    setT(null);
    setMessage(null);
    follow();
    resume();
    try {
      // "Now speaking" names a speaker of the recording playing; a note of an earlier one gets none.
      // Still playing: its latest title and duration are stored with the note.
      const info = stillPlaying ? playing.current : noteRecording;
      // A voice on the quote names the speaker of the recording the note was begun on.
      const speakerId = stillPlaying ? (nowSpeaking ?? voiceSpeaker) : undefined;
      await addNote(info, noteT, noteText, { speakerId, panelId, ...(noteQuote ? { quote: noteQuote } : {}), ...(promisedId ? { id: promisedId } : {}) });
    } catch (error) {
      if (latest.current.text === '' && latest.current.noteId === null) {
        latest.current = { text: noteText, t: noteT, target: noteRecording, quote: typedQuote, noteId: promisedId };
        setTarget(noteRecording);
        setText(noteText);
        setT(noteT);
        setQuote(typedQuote);
        setNoteId(promisedId);
      }
      setMessage(t('panel_notSavedTextKept', errorText(error)));
    }
  };

  const cancel = () => {
    draftWriter.cancel();
    // The frames too, even those whose draft has not been written yet.
    void discardDraft(panelId, latest.current.target.key, latest.current.noteId ?? undefined);
    setText('');
    setT(null);
    setMessage(null);
    follow();
    resume();
  };

  /** Takes another panel's draft into this composer, if it is empty: drafts are never merged. */
  const takeOffered = async (draft: Draft) => {
    if (latest.current.text !== '' || latest.current.noteId) {
      setMessage(t('panel_draftsNotMerged'));
      return;
    }
    try {
      const adopted = await adoptDraft(panelId, draft);
      setOthers((list) => (list ?? []).filter((other) => other.panelId !== draft.panelId));
      if (!adopted) {
        setMessage(t('panel_draftGone'));
        return;
      }
      if (latest.current.text !== '' || latest.current.noteId) {
        // Typed into while the draft was being taken over: neither is dropped. The taken one moves
        // aside and stays offered; this panel's own draft is what was typed.
        const aside = await setDraftAside(adopted);
        setOthers((list) => [aside, ...(list ?? [])]);
        draftWriter.request();
        return;
      }
      latest.current = { text: adopted.text, t: adopted.t, target: latest.current.target, quote: adopted.quote ?? null, noteId: adopted.noteId ?? null };
      setText(adopted.text);
      setT(adopted.t);
      setQuote(adopted.quote ?? null);
      setNoteId(adopted.noteId ?? null);
      setMessage(null);
      box.current?.focus();
    } catch (error) {
      setMessage(t('panel_draftNotTaken', errorText(error)));
    }
  };

  /** Deletes one attached frame, with Undo. */
  const removeFrame = async (id: string) => {
    try {
      const removed = await deleteImage(id);
      if (removed) toast({ text: FEEDBACK.frameDeleted.done, undo: () => storeImage(removed) });
    } catch (error) {
      toast({ text: failedText('frameDeleted', error) });
    }
  };

  const discardOffered = async (draft: Draft) => {
    try {
      await discardDraft(draft.panelId, draft.recordingKey);
      setOthers((list) => (list ?? []).filter((other) => other.panelId !== draft.panelId));
    } catch (error) {
      setMessage(t('panel_draftNotDiscarded', errorText(error)));
    }
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
  // The note's time, and its recording's title while that is no longer the one playing.
  const status =
    time === null ? t('panel_composerHint') : target.key === recording.key ? t('panel_noteAt', formatTime(time)) : t('panel_noteAtOn', formatTime(time), target.title);
  return (
    <form
      class="composer"
      aria-busy={others === null ? 'true' : 'false'}
      onSubmit={(event) => {
        event.preventDefault();
        if (text === '') box.current?.focus();
        else void save();
      }}
    >
      <label for="composer-text" class="visually-hidden">
        {t('panel_newNote')}
      </label>
      <textarea
        id="composer-text"
        ref={box}
        rows={3}
        dir="auto"
        placeholder={disabledReason ?? t('panel_composerPlaceholder')}
        value={text}
        disabled={disabled}
        aria-describedby="composer-status"
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {quote && <QuoteField id="composer-quote" quote={quote} onChange={changeQuote} />}
      {attached.state === 'ready' && (
        <FrameThumbs images={attached.value} owner="draft" onDelete={(image) => void removeFrame(image.id)} />
      )}
      {frames.problem && <FrameProblem id="composer-frame-problem" problem={frames.problem} onRetry={() => void attachFrame()} onDismiss={frames.dismiss} />}
      {others && others.length > 0 && (
        <DraftOffers drafts={others} onUse={(draft) => void takeOffered(draft)} onDiscard={(draft) => void discardOffered(draft)} />
      )}
      <div class="composer-bar">
        <span id="composer-status" class={message ? 'error' : 'muted'} role={message ? 'alert' : undefined}>
          {message ?? status}
        </span>
        <button
          type="button"
          class="attach-frame"
          disabled={disabled || frames.busy}
          aria-busy={frames.busy ? 'true' : 'false'}
          onClick={() => void attachFrame()}
          title={t('panel_attachFrameTitle')}
        >
          <CameraIcon /> {t(frames.busy ? 'panel_takingFrame' : 'panel_attachFrame')}
        </button>
        <button type="submit" class="primary" disabled={disabled}>
          {t('panel_addNote')}
        </button>
      </div>
    </form>
  );
}
