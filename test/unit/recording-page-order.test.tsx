// @vitest-environment happy-dom
/**
 * The library's recording page lists a recording's questions in the order the panel and every
 * export do (time asked, untimed last, then when added), not in the order the database holds them
 * (their random ids), and names who answered as they do.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { QaItem, Recording } from '../../src/core/model';
import { answererName } from '../../src/core/export/input';

// The page's neighbours that need a browser or a database; the lists under test are the page's own.
vi.mock('../../src/platform/browser', () => ({ default: {} }));
vi.mock('../../src/pages/shared/live-query', () => ({ useLiveQuery: () => ({ state: 'loading' }) }));
// What the page read of its recording: the records it is given here.
let read: { notes: []; qa: QaItem[] } = { notes: [], qa: [] };
vi.mock('../../src/pages/shared/use-change-log', () => ({ useChangeLog: () => ({ state: 'ready', value: read }) }));
vi.mock('../../src/pages/shared/RecordingDetails', () => ({ RecordingDetails: () => null }));
vi.mock('../../src/pages/shared/SummaryView', () => ({ SummaryView: () => null }));
vi.mock('../../src/pages/shared/VirtualList', () => ({ VirtualList: () => null }));

const { RecordingPage } = await import('../../src/pages/library/RecordingPage');

const RECORDING: Recording = {
  key: 'youtube:Wb1nQ9rLk2A', site: 'youtube', url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk', createdAt: 1, updatedAt: 1,
};

function question(id: string, question: string, createdAt: number, t?: number): QaItem {
  return { id, recordingKey: RECORDING.key, question, answers: [], createdAt, updatedAt: createdAt, ...(t !== undefined ? { t } : {}) };
}

describe('the library’s recording page', () => {
  it('lists questions by time asked, untimed last, then by when added, whatever their ids', () => {
    // Ids in the reverse of the expected order, as random ids often are.
    const qa = [
      question('a', 'Untimed, added second?', 20),
      question('b', 'Untimed, added first?', 10),
      question('c', 'At 2:00?', 5, 120),
      question('d', 'At 0:30, added later?', 7, 30),
      question('e', 'At 0:30?', 6, 30),
      { ...question('f', 'In the trash?', 1, 1), deletedAt: 2 },
    ];
    read = { notes: [], qa };
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    act(() => render(<RecordingPage recording={RECORDING} images={0} imageBytes={0} />, host));
    const shown = [...host.querySelectorAll('.lib-questions .question')].map((p) => p.textContent?.replace(/^.*?\s(?=[A-Z])/, '').trim());
    expect(shown).toEqual(['At 0:30?', 'At 0:30, added later?', 'At 2:00?', 'Untimed, added first?', 'Untimed, added second?']);
  });
  it('names who answered as the exports do', () => {
    const recording: Recording = { ...RECORDING, speakers: [{ id: 's1', name: ' Ada\n Lovelace ' }] };
    const item: QaItem = {
      ...question('q', 'Why?', 1, 5),
      answers: [{ speakerId: 's1', text: 'One.' }, { speakerId: 'removed', name: 'Grace', text: 'Two.' }, { text: 'Three.' }],
    };
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    read = { notes: [], qa: [item] };
    act(() => render(<RecordingPage recording={recording} images={0} imageBytes={0} />, host));
    const shown = [...host.querySelectorAll('.lib-questions .answer .note-speaker')].map((span) => span.textContent);
    expect(shown).toEqual(['Ada Lovelace: ', 'Grace: ', 'Answer: ']);
    expect(item.answers.map((answer) => `${answererName(recording, answer)}: `)).toEqual(shown);
  });
});
