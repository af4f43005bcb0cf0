import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportInput } from '../../core/export/input';
import { linkAt } from '../../core/links';
import { currentNoteIndex } from '../../core/notes';
import { byTime } from '../../core/records';
import type { Note } from '../../core/model';
import { timeAt, type PlaybackState } from '../../core/playback';
import { db } from '../../db/schema';
import { restoreNote, trashNote, type RecordingInfo } from '../../db/notes';
import { useRecordingNotes } from './use-notes';
import { loadSettings } from '../../db/settings';
import type { ToPanel } from '../../messaging/protocol';
import { useLiveQuery } from '../shared/live-query';
import { getRecording } from '../../db/recordings';
import { Composer } from './Composer';
import { listQa } from '../../db/qa';
import { DetailsTab } from './DetailsTab';
import { QaTab } from './QaTab';
import { SummaryTab } from './SummaryTab';
import type { Toast } from '../shared/toast';
import { ToastBar } from '../shared/ToastBar';
import { VirtualList } from '../shared/VirtualList';
import { SpeakerSelect } from './SpeakerSelect';
import { TabBoundary } from './TabBoundary';
import { Tabs, type PanelTab } from './Tabs';
import { NoteRow } from './NoteRow';
import type { PanelPlace } from '../../platform/side-panel';
import { connectToVideo, followActiveTab, type VideoLink } from './video-link';
import { errorText } from '../../core/error-text';
import { openLibrary } from '../shared/open-library';
import { panelId } from './panel-instance';
import { withEdited } from '../shared/keep-edited';

/** How often the highlighted note is re-checked while the video plays. */
const TICK_MS = 250;
/** How soon the side panel looks again for a video in a tab that had none. */
const SIDE_PANEL_RETRY_MS = 2000;
/** A content script answers a port it accepts at once; silence this long means it refused it. */
const PAIRING_TIMEOUT_MS = 4000;
/** What an unpaired panel says: a page framed the panel page itself, or the video went away. */
const NOT_PAIRED = 'This notes panel is not connected to a video. Open notes from the video’s own Notes button.';


/** The user chose to type only in the side panel; this frame in the page must offer nothing to type into. */
const SIDE_PANEL_ONLY =
  'You chose to type notes only in the browser’s side panel. Open it with the Notes button on the video, the toolbar button or the shortcut.';

/** A panel with nothing to act on: only why. */
function PanelNotice({ text }: { text: string }) {
  return (
    <main class="panel">
      <header class="panel-head">
        <div class="titles">
          <h1>Notes</h1>
        </div>
      </header>
      <p class="banner" role="status">
        {text}
      </p>
    </main>
  );
}

type Storage = { state: 'checking' } | { state: 'ok' } | { state: 'refused'; reason: string };

/**
 * The notes panel of one video. `place` says where this page is showing (decided by the browser's
 * facts, see panelPlace): until the video's content script has accepted this panel and sent its
 * recording, the panel shows no note, no composer and no button, so a page that framed the panel
 * page itself gets nothing that acts.
 */
export function Panel({ place }: { place: PanelPlace }) {
  const side = place === 'side-panel';
  const [link, setLink] = useState<VideoLink | null>(null);
  // The content script speaks first once it has accepted our port: that is the pairing.
  const [paired, setPaired] = useState(false);
  // Set once the pairing wait is over: an unpaired panel then says why instead of waiting.
  const [waitedLong, setWaitedLong] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [recording, setRecording] = useState<RecordingInfo | null>(null);
  const [playback, setPlayback] = useState<PlaybackState | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  const [toast, setToast] = useState<Toast | null>(null);
  const [storage, setStorage] = useState<Storage>({ state: 'checking' });
  const [, setTick] = useState(0);
  const [tab, setTab] = useState<PanelTab>('notes');
  // The tabs with forms that were shown at least once: they stay mounted (see the render).
  const [opened, setOpened] = useState<ReadonlySet<PanelTab>>(new Set(['notes']));
  useEffect(() => setOpened((seen) => (seen.has(tab) ? seen : new Set([...seen, tab]))), [tab]);
  const [speakerId, setSpeakerId] = useState<string | undefined>(undefined);
  // The note whose editor is open, with its recording: an editor belongs to one recording.
  const [editing, setEditing] = useState<{ recordingKey: string; id: string } | null>(null);
  const lastEdited = useRef<Note | null>(null);
  const playbackRef = useRef(playback);
  playbackRef.current = playback;

  useEffect(() => {
    // With storage partitioning turned off, Chrome refuses IndexedDB to an extension frame inside
    // a page. Say so rather than pretend to save.
    db()
      .open()
      .then(
        () => setStorage({ state: 'ok' }),
        (error: unknown) => setStorage({ state: 'refused', reason: errorText(error) }),
      );
    if (place === 'tab') {
      setProblem('Notes are taken beside a video, or in the browser’s side panel. Open the video’s page and use its Notes button.');
      return;
    }
    setTimeout(() => setWaitedLong(true), PAIRING_TIMEOUT_MS);
    const onMessage = (message: ToPanel) => {
      setPaired(true);
      switch (message.type) {
        case 'recording':
          setRecording(message.recording.key ? message.recording : null);
          break;
        case 'navigating':
          setRecording(null);
          break;
        case 'playback':
          setPlayback(message.playback);
          break;
        case 'compose':
          setTab('notes');
          setFocusRequest((n) => n + 1);
          break;
        case 'video-gone':
          setProblem('The video left the page. Notes can no longer be taken here.');
          break;
      }
    };
    connectToVideo(place, onMessage, () =>
      setProblem(side ? 'The video left this tab.' : 'Lost touch with the video. Reload the page to take notes again.'),
    ).then(
      (connected) => {
        setLink(connected);
        if (side) followActiveTab(connected.tabId);
      },
      (error: unknown) => {
        setProblem(errorText(error));
        if (!side) return;
        followActiveTab(null);
        // The tab's video may not be there yet (the page is loading, or it adds the player later):
        // look again, so the launcher's request finds this panel connected.
        setTimeout(() => location.reload(), SIDE_PANEL_RETRY_MS);
      },
    );
  }, []);

  const settings = useLiveQuery(loadSettings, []);
  // `notes` may be the first screenful while the rest loads; exports and markers wait for all.
  const { notes, complete } = useRecordingNotes(recording?.key);
  const stored = useLiveQuery(async () => (recording ? getRecording(recording.key) : undefined), [recording?.key]);
  const speakers = stored.state === 'ready' ? (stored.value?.speakers ?? []) : [];
  const qa = useLiveQuery(async () => (recording ? listQa(recording.key) : []), [recording?.key]);
  const qaItems = qa.state === 'ready' ? qa.value : [];
  // Recomputed only when the data changes, not on every playback tick: exports are not free.
  const exportInput = useMemo<ExportInput | null>(
    () =>
      recording && complete.state === 'ready' && qa.state === 'ready' && stored.state === 'ready'
        ? { recording: stored.value ?? { ...recording, createdAt: 0, updatedAt: 0 }, notes: complete.value, qa: qa.value }
        : null,
    [recording, complete, qa, stored],
  );
  // "Now speaking" belongs to one recording.
  useEffect(() => setSpeakerId(undefined), [recording?.key]);
  useEffect(() => setEditing(null), [recording?.key]);

  const sidePanelOnly = settings.state === 'ready' && settings.value.typeInSidePanel;
  useEffect(() => {
    if (link && place === 'frame' && settings.state === 'ready') link.send({ type: 'placement', sidePanelOnly });
  }, [link, settings.state, sidePanelOnly]);

  const openedOnce = useRef(false);
  useEffect(() => {
    if (!link || settings.state !== 'ready' || openedOnce.current || side) return;
    openedOnce.current = true;
    if (settings.value.openPanelOnVideo && !settings.value.typeInSidePanel) link.send({ type: 'panel-visible', visible: true });
  }, [link, settings]);

  useEffect(() => {
    if (link && complete.state === 'ready') link.send({ type: 'markers', times: complete.value.map((note) => note.t) });
  }, [link, complete]);

  useEffect(() => {
    if (!playback || playback.paused) return;
    const timer = setInterval(() => setTick((n) => n + 1), TICK_MS);
    return () => clearInterval(timer);
  }, [playback]);

  const readTime = useCallback(() => (playbackRef.current ? timeAt(playbackRef.current, Date.now()) : null), []);
  const seek = (t: number) => link?.send({ type: 'seek', t });
  const remove = (note: Note) => {
    void trashNote(note.id).then(() => setToast({ text: 'Note deleted.', undo: () => restoreNote(note.id) }));
  };
  const copyLink = (t: number) => {
    const url = recording ? linkAt(recording, t) : null;
    if (!url) {
      setToast({ text: 'This page has no address a link can point to.' });
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setToast({ text: `Link copied: ${url}` }),
      () => setToast({ text: `Copy this link: ${url}` }),
    );
  };

  const list = notes.state === 'ready' ? notes.value : [];
  const editingId = editing && editing.recordingKey === recording?.key ? editing.id : null;
  const shown = withEdited(list, editingId, lastEdited, byTime);
  const now = readTime();
  const current = now === null ? -1 : currentNoteIndex(shown, now);
  const editingIndex = editingId === null ? -1 : shown.findIndex((note) => note.id === editingId);
  const failure =
    storage.state === 'refused'
      ? `The browser refused this frame access to the extension's storage (${storage.reason}). Nothing can be saved here.`
      : settings.state === 'failed'
        ? settings.error.message
        : notes.state === 'failed'
          ? notes.error.message
          : null;

  if (!paired) return <PanelNotice text={problem ?? (waitedLong ? NOT_PAIRED : 'Waiting for the video…')} />;
  // Still paired, so the markers keep coming from here; but nothing to type into in the page.
  if (place === 'frame' && sidePanelOnly) return <PanelNotice text={SIDE_PANEL_ONLY} />;

  return (
    <main class="panel">
      <header class="panel-head">
        <div class="titles">
          <h1>Notes</h1>
          <p class="recording-title" title={recording?.title}>
            {recording?.title ?? 'Waiting for the video…'}
          </p>
        </div>
        <button
          type="button"
          class="quiet"
          disabled={now === null}
          onClick={() => now !== null && copyLink(now)}
          aria-label="Copy a link to this moment"
        >
          Link
        </button>
        <button type="button" class="quiet" onClick={() => void openLibrary()} aria-label="Open the library of all notes">
          Library
        </button>
        <button
          type="button"
          class="quiet"
          onClick={() => (side ? window.close() : link?.send({ type: 'panel-visible', visible: false }))}
          aria-label="Hide notes panel"
        >
          Hide
        </button>
      </header>
      {failure && (
        <p class="banner error" role="alert">
          {failure}
        </p>
      )}
      <Tabs current={tab} onChange={setTab} />
      {/* Tabs stay mounted once opened, hidden when another is shown: a form half typed in one
          (a note's edit, an answer, a speaker) survives a switch, and so does a compose request. */}
      <div class="tab-body notes-tab" role="tabpanel" id="panel-notes" aria-labelledby="tab-notes" hidden={tab !== 'notes'}>
        {recording && settings.state === 'ready' && storage.state === 'ok' && (
          <TabBoundary what="The note box">
            {speakers.length > 0 && (
              <div class="now-speaking">
                <SpeakerSelect
                  id="now-speaking"
                  label="Now speaking"
                  speakers={speakers}
                  value={speakerId}
                  onChange={setSpeakerId}
                />
              </div>
            )}
            {/* Not keyed by recording: a note being typed when the video changes stays, and is filed
                under the recording it was started on (see Composer). */}
            <Composer
              panelId={panelId()}
              recording={recording}
              settings={settings.value}
              readTime={readTime}
              whyNoTime={() =>
                playbackRef.current?.ad
                  ? 'An ad is playing. Start the note when the video is back: it will get the video’s time.'
                  : 'The video has no playback time yet, so this note cannot be timed. Start the video, then type.'
              }
              isPlaying={() => playbackRef.current?.paused === false}
              pause={() => link?.send({ type: 'pause' })}
              play={() => link?.send({ type: 'play' })}
              focusRequest={focusRequest}
              disabledReason={problem}
              speakerId={speakerId}
            />
          </TabBoundary>
        )}
        {problem && !failure && (
          <p class="banner" role="status">
            {problem}
          </p>
        )}
        {/* Apart from the composer: a note that cannot be shown must not take the words being typed with it. */}
        <TabBoundary what="The list of notes">
          <section class="notes" aria-label={`Notes (${list.length})`}>
            {notes.state === 'ready' && list.length === 0 && (
              <p class="empty muted">No notes yet. Start typing above: the note gets the time you started.</p>
            )}
            <VirtualList
              items={shown}
              itemKey={(note) => note.id}
              estimateSize={48}
              label="Notes"
              class="notes-scroll"
              revealIndex={current}
              holdIndex={editingIndex}
              itemProps={(note, index) => ({
                class: `note${index === current ? ' current' : ''}`,
                'aria-current': index === current ? 'true' : undefined,
                'data-note-id': note.id,
              })}
              renderItem={(note) => (
                <NoteRow
                  note={note}
                  onSeek={seek}
                  onDelete={remove}
                  onCopyLink={copyLink}
                  readTime={readTime}
                  speakers={speakers}
                  editing={note.id === editingId}
                  editLocked={editingIndex !== -1 && note.id !== editingId}
                  setEditing={(open) => setEditing(open ? { recordingKey: note.recordingKey, id: note.id } : null)}
                />
              )}
            />
          </section>
        </TabBoundary>
      </div>
      {opened.has('qa') && recording && (
        <div role="tabpanel" id="panel-qa" aria-labelledby="tab-qa" class="tab-scroll" hidden={tab !== 'qa'}>
          {/* Keyed: an answer form open on one recording's question closes when the video changes. */}
          <TabBoundary what="The Q&A tab">
            <QaTab key={recording.key} recording={recording} speakers={speakers} items={qaItems} notes={list} readTime={readTime} seek={seek} toast={setToast} />
          </TabBoundary>
        </div>
      )}
      {tab === 'summary' && exportInput && settings.state === 'ready' && (
        <div role="tabpanel" id="panel-summary" aria-labelledby="tab-summary" class="tab-scroll">
          <TabBoundary what="The Summary tab">
            <SummaryTab input={exportInput} settings={settings.value} toast={setToast} />
          </TabBoundary>
        </div>
      )}
      {/* Once the row is read: the forms open with what is stored, their base for merging. Keyed:
          a form open on one recording closes when the video changes. */}
      {opened.has('details') && recording && stored.state === 'ready' && (
        <div role="tabpanel" id="panel-details" aria-labelledby="tab-details" class="tab-scroll" hidden={tab !== 'details'}>
          <TabBoundary what="The Details tab">
            <DetailsTab key={recording.key} recording={recording} stored={stored.value} />
          </TabBoundary>
        </div>
      )}
      <ToastBar toast={toast} onClose={() => setToast(null)} />
    </main>
  );
}

