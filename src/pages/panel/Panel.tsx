import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../core/i18n';
import { loadSettings } from '../../db/settings';
import type { PanelPlace } from '../../platform/side-panel';
import { useLiveQuery } from '../shared/live-query';
import { RecordingDetails } from '../shared/RecordingDetails';
import { SummaryView } from '../shared/SummaryView';
import type { Toast } from '../shared/toast';
import { ToastBar } from '../shared/ToastBar';
import { Composer, type NoteFromLines } from './Composer';
import { NoteList } from './NoteList';
import { PanelContext, usePanelValue } from './panel-context';
import { PanelHeader } from './PanelHeader';
import { PanelNotice } from './PanelNotice';
import { QaTab } from './QaTab';
import { SpeakerSelect } from './SpeakerSelect';
import { TabBoundary } from './TabBoundary';
import { Tabs, type PanelTab } from './Tabs';
import { useRecordingData } from './use-recording-data';
import { useRecordingFrames } from './use-recording-frames';
import { captureFrame, type Capture } from './frame-capture';
import { tabCapturePermission } from './tab-capture-permission';
import { useShortcuts } from '../shared/use-shortcuts';
import { ATTACH_FRAME_COMMAND } from '../../platform/pages';
import { useVideoFeed, useVideoLink } from './use-video-link';
import { TranscriptsProvider } from './TranscriptsProvider';
import { TranscriptTab } from './TranscriptTab';
import { SlideStrip } from './SlideStrip';
import { useSlides } from './use-slides';

/**
 * The notes panel of one video. `place` says where this page is showing (decided by the browser's
 * facts, see panelPlace): until the video's content script has accepted this panel and sent its
 * recording, the panel shows no note, no composer and no button, so a page that framed the panel
 * page itself gets nothing that acts.
 */
export function Panel({ place }: { place: PanelPlace }) {
  const side = place === 'side-panel';
  const [tab, setTab] = useState<PanelTab>('notes');
  const { link, paired, waitedLong, problem, recording, playback, captions, focusRequest, frameRequest, answers, storage, slideInbox } = useVideoLink(place, () => setTab('notes'));
  const [toast, setToast] = useState<Toast | null>(null);
  // The tabs with forms that were shown at least once: they stay mounted (see the render).
  const [opened, setOpened] = useState<ReadonlySet<PanelTab>>(new Set(['notes']));
  useEffect(() => setOpened((seen) => (seen.has(tab) ? seen : new Set([...seen, tab]))), [tab]);
  const [nowSpeaking, setNowSpeaking] = useState<string | undefined>(undefined);
  // "Now speaking" belongs to one recording.
  useEffect(() => setNowSpeaking(undefined), [recording?.key]);

  const settings = useLiveQuery(loadSettings, []);
  const { notes, complete, stored, speakers, qaItems, exportInput } = useRecordingData(recording);
  const frames = useRecordingFrames(recording?.key);
  // A note begun from transcript lines: the composer takes it, on the Notes tab.
  const [fromLines, setFromLines] = useState<NoteFromLines | null>(null);
  const noteFromLines = useCallback((note: Omit<NoteFromLines, 'request'>) => {
    setFromLines((before) => ({ ...note, request: (before?.request ?? 0) + 1 }));
    setTab('notes');
  }, []);
  const sidePanelOnly = settings.state === 'ready' && settings.value.typeInSidePanel;
  useVideoFeed(link, place, settings, recording?.key, complete);
  const slides = useSlides(link, slideInbox, recording, settings);
  const takeFrame = useCallback(() => (link ? captureFrame(link, answers) : Promise.resolve<Capture>({ ok: false, failure: { reason: 'no-answer' } })), [link, answers]);
  const frameShortcut = useShortcuts()?.[ATTACH_FRAME_COMMAND] || undefined;
  const shared = usePanelValue({
    link,
    recording,
    speakers,
    nowSpeaking,
    playback,
    focusRequest,
    frameRequest,
    captureFrame: takeFrame,
    askTabCapture: tabCapturePermission(),
    frameShortcut,
    problem,
    toast: setToast,
  });

  const list = notes.state === 'ready' ? notes.value : [];
  const failure =
    storage.state === 'refused'
      ? t('panel_storageRefused', storage.reason)
      : settings.state === 'failed'
        ? settings.error.message
        : notes.state === 'failed'
          ? notes.error.message
          : null;

  // Lines heard are stored from here as they come, whichever tab or notice is shown.
  const keepHeard = (children: ComponentChildren) => (
    <TranscriptsProvider recording={recording} captions={captions} settings={settings.state === 'ready' ? settings.value : null}>
      {children}
    </TranscriptsProvider>
  );
  if (!paired) return keepHeard(<PanelNotice text={problem ?? t(waitedLong ? 'panel_notPaired' : 'panel_waitingForVideo')} />);
  // Still paired, so the markers keep coming from here; but nothing to type into in the page.
  if (place === 'frame' && sidePanelOnly) return keepHeard(<PanelNotice text={t('panel_sidePanelOnly')} />);

  return keepHeard(
    <PanelContext.Provider value={shared}>
      <main class="panel">
        <PanelHeader onHide={() => (side ? window.close() : link?.send({ type: 'panel-visible', visible: false }))} />
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
            <TabBoundary what={t('panel_boundaryComposer')}>
              {speakers.length > 0 && (
                <div class="now-speaking">
                  <SpeakerSelect id="now-speaking" label={t('panel_nowSpeaking')} speakers={speakers} value={nowSpeaking} onChange={setNowSpeaking} />
                </div>
              )}
              {/* Not keyed by recording: a note being typed when the video changes stays, and is filed
                  under the recording it was started on (see Composer). */}
              <Composer recording={recording} settings={settings.value} fromLines={fromLines} />
            </TabBoundary>
          )}
          {problem && !failure && (
            <p class="banner" role="status">
              {problem}
            </p>
          )}
          {recording && storage.state === 'ok' && (
            <TabBoundary what={t('panel_boundarySlides')}>
              <SlideStrip state={slides} onSeek={(time) => link?.send({ type: 'seek', t: time })} />
            </TabBoundary>
          )}
          {/* Apart from the composer: a note that cannot be shown must not take the words being typed with it. */}
          <TabBoundary what={t('panel_boundaryNotes')}>
            <NoteList notes={list} loaded={notes.state === 'ready'} frames={frames} />
          </TabBoundary>
        </div>
        {opened.has('transcript') && recording && (
          <div role="tabpanel" id="panel-transcript" aria-labelledby="tab-transcript" class="transcript-tab" hidden={tab !== 'transcript'}>
            <TabBoundary what={t('panel_boundaryTranscript')}>
              <TranscriptTab questions={qaItems} onNoteFromLines={noteFromLines} />
            </TabBoundary>
          </div>
        )}
        {opened.has('qa') && recording && (
          <div role="tabpanel" id="panel-qa" aria-labelledby="tab-qa" class="tab-scroll" hidden={tab !== 'qa'}>
            {/* Keyed: an answer form open on one recording's question closes when the video changes. */}
            <TabBoundary what={t('panel_boundaryQa')}>
              <QaTab key={recording.key} recording={recording} items={qaItems} notes={list} />
            </TabBoundary>
          </div>
        )}
        {tab === 'summary' && exportInput && settings.state === 'ready' && (
          <div role="tabpanel" id="panel-summary" aria-labelledby="tab-summary" class="tab-scroll">
            <TabBoundary what={t('panel_boundarySummary')}>
              <SummaryView input={exportInput} settings={settings.value} toast={setToast} />
            </TabBoundary>
          </div>
        )}
        {/* Once the row is read: the forms open with what is stored, their base for merging. Keyed:
            a form open on one recording closes when the video changes. */}
        {opened.has('details') && recording && stored.state === 'ready' && (
          <div role="tabpanel" id="panel-details" aria-labelledby="tab-details" class="tab-scroll" hidden={tab !== 'details'}>
            <TabBoundary what={t('panel_boundaryDetails')}>
              <RecordingDetails key={recording.key} recording={recording} stored={stored.value} toast={setToast} />
            </TabBoundary>
          </div>
        )}
        <ToastBar toast={toast} onClose={() => setToast(null)} />
      </main>
    </PanelContext.Provider>,
  );
}
