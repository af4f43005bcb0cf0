// @vitest-environment happy-dom
/**
 * Writes whose failure used to vanish: linking a note to a question, unlinking it, removing a
 * speaker. Each now says "Not …: <why>" in the page's toast, as the words module words it.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note, QaItem, Recording } from '../../src/core/model';
import type { Toast } from '../../src/pages/shared/toast';

vi.mock('../../src/platform/browser', () => ({ default: {} }));
// The writes under test fail as a full disk would make them.
const full = () => Promise.reject(new Error('the disk is full'));
vi.mock('../../src/db/qa', async (original) => ({ ...(await original<typeof import('../../src/db/qa')>()), setNoteLink: full }));
vi.mock('../../src/db/recordings', async (original) => ({ ...(await original<typeof import('../../src/db/recordings')>()), removeSpeaker: full }));
vi.mock('../../src/db/settings', async (original) => ({ ...(await original<typeof import('../../src/db/settings')>()), saveSettings: full }));

const { QaTab } = await import('../../src/pages/panel/QaTab');
const { PanelContext } = await import('../../src/pages/panel/panel-context');
const { playbackStore } = await import('../../src/pages/panel/playback-store');
const { RecordingDetails } = await import('../../src/pages/shared/RecordingDetails');
const { ToastBar } = await import('../../src/pages/shared/ToastBar');
const { SummaryView } = await import('../../src/pages/shared/SummaryView');
const { DEFAULT_SETTINGS } = await import('../../src/core/settings');

const RECORDING: Recording = {
  key: 'https://course.example/lesson/1', site: 'html5', url: 'https://course.example/lesson/1', title: 'Lesson 1', createdAt: 1, updatedAt: 1,
  speakers: [{ id: 's1', name: 'Ada' }],
};
const QUESTION: QaItem = { id: 'q1', recordingKey: RECORDING.key, question: 'Why?', answers: [], createdAt: 1, updatedAt: 1 };
const note = (id: string, t: number, qaIds?: string[]): Note => ({
  id, recordingKey: RECORDING.key, t, text: `Note ${id}`, createdAt: 1, updatedAt: 1, ...(qaIds ? { qaIds } : {}),
});

/** The page under test beside the one toast every page shows. */
function WithToast({ page }: { page(toast: (toast: Toast) => void): preact.ComponentChild }) {
  const [toast, setToast] = useState<Toast | null>(null);
  return (
    <>
      {page(setToast)}
      <ToastBar toast={toast} onClose={() => setToast(null)} />
    </>
  );
}

function panelWith(toast: (toast: Toast) => void, notes: readonly Note[]) {
  return (
    <PanelContext.Provider
      value={{
        panelId: 'p', recording: RECORDING, speakers: [], nowSpeaking: undefined, playback: playbackStore(), readTime: () => null,
        whyNoTime: () => '', isPlaying: () => false, seek: () => undefined, pause: () => undefined, play: () => undefined,
        focusRequest: 0, frameRequest: 0, captureFrame: () => Promise.resolve({ ok: false, failure: { reason: 'no-answer' } }), askTabCapture: null, frameShortcut: undefined, problem: null, toast, copyLink: () => undefined,
      }}
    >
      <QaTab recording={RECORDING} items={[QUESTION]} notes={notes} />
    </PanelContext.Provider>
  );
}

let host: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="host"></div>';
  host = document.getElementById('host') as HTMLElement;
});
afterEach(() => {
  render(null, host);
  vi.restoreAllMocks();
});

const toastText = () => document.querySelector('.toast-text')?.textContent;

describe('a write that fails says so', () => {
  it('unlinking a note from a question', async () => {
    act(() => render(<WithToast page={(toast) => panelWith(toast, [note('n1', 10, ['q1'])])} />, host));
    await act(() => (document.querySelector('button[aria-label="Unlink the note at 0:10"]') as HTMLButtonElement).click());
    await expect.poll(toastText).toBe('Not unlinked: the disk is full');
  });

  it('linking a note to a question', async () => {
    act(() => render(<WithToast page={(toast) => panelWith(toast, [note('n1', 10)])} />, host));
    const select = document.querySelector('select[aria-label="Link a note to this question"]') as HTMLSelectElement;
    await act(() => {
      select.value = 'n1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(toastText).toBe('Not linked: the disk is full');
  });

  it('removing a speaker', async () => {
    act(() => render(<WithToast page={(toast) => <RecordingDetails recording={RECORDING} stored={RECORDING} toast={toast} />} />, host));
    await act(() => (document.querySelector('button[aria-label="Remove Ada"]') as HTMLButtonElement).click());
    await expect.poll(toastText).toBe('Not removed: the disk is full');
  });

  it('remembering the forum’s address for the next post', async () => {
    vi.spyOn(window, 'open').mockReturnValue(null);
    const input = { recording: RECORDING, notes: [note('n1', 10)], qa: [] };
    act(() => render(<WithToast page={(toast) => <SummaryView input={input} settings={DEFAULT_SETTINGS} toast={toast} />} />, host));
    const address = document.querySelector('input[placeholder="forum.example.org"]') as HTMLInputElement;
    await act(() => {
      address.value = 'forum.example.org';
      address.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === 'Open as a new topic')?.click());
    await expect.poll(toastText).toBe('Not saved: the disk is full');
  });
});
