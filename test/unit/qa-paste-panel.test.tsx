// @vitest-environment happy-dom
/**
 * The panel's "Paste Q&A" in a DOM: the text is split once typing pauses, not at every key, and
 * saving splits the text as it is then, never a preview that typing has outrun.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewQuestion } from '../../src/db/qa';
import { PREVIEW_WAIT_MS, QaPaste } from '../../src/pages/panel/QaPaste';

const calls = vi.hoisted(() => ({ parsed: [] as string[], saved: [] as NewQuestion[][] }));

vi.mock('../../src/core/qa-paste', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/qa-paste')>();
  return {
    ...original,
    parseQaPaste: (text: string, speakers?: Parameters<typeof original.parseQaPaste>[1]) => {
      calls.parsed.push(text);
      return original.parseQaPaste(text, speakers);
    },
  };
});
vi.mock('../../src/db/qa', () => ({
  addQuestions: (_recording: unknown, questions: NewQuestion[]) => {
    calls.saved.push(questions);
    return Promise.resolve([]);
  },
}));

const RECORDING = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube' as const, url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };

function mount(): HTMLElement {
  document.body.innerHTML = '';
  const host = document.createElement('div');
  document.body.append(host);
  act(() => render(<QaPaste recording={RECORDING} speakers={[]} onDone={() => undefined} />, host));
  return host;
}

function type(host: HTMLElement, text: string): void {
  const box = host.querySelector('textarea') as HTMLTextAreaElement;
  act(() => {
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const pause = (ms = PREVIEW_WAIT_MS) =>
  act(() => {
    vi.advanceTimersByTime(ms);
  });
const preview = (host: HTMLElement) => [...host.querySelectorAll('.qa-preview label strong')].map((el) => el.textContent);
const addButton = (host: HTMLElement) => host.querySelector('button.primary') as HTMLButtonElement;

describe('QaPaste', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 10_000 });
    calls.parsed.length = 0;
    calls.saved.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('splits the text once typing pauses, not at every key', () => {
    const host = mount();
    const text = 'Q: Is it GA?\nA: Yes.';
    for (let end = 1; end <= text.length; end++) {
      type(host, text.slice(0, end));
      pause(PREVIEW_WAIT_MS / 2);
    }
    expect(calls.parsed.filter((t) => t !== '')).toEqual([]);
    expect(preview(host)).toEqual([]);
    pause();
    expect(calls.parsed.filter((t) => t !== '')).toEqual([text]);
    expect(preview(host)).toEqual(['Is it GA?']);
  });

  it('saves the text as typed when the preview has not caught up', async () => {
    const host = mount();
    type(host, 'Q: Is it GA?');
    pause();
    expect(preview(host)).toEqual(['Is it GA?']);
    type(host, 'Q: Is it GA?\n\nQ: Where are the slides?');
    await act(async () => addButton(host).click());
    expect(calls.saved).toEqual([[{ question: 'Is it GA?', answers: [] }, { question: 'Where are the slides?', answers: [] }]]);
  });

  it('leaves out what was unticked in the preview, until the text changes', async () => {
    const host = mount();
    type(host, 'Q: Is it GA?\n\nQ: Where are the slides?');
    pause();
    const second = host.querySelectorAll<HTMLInputElement>('.qa-preview input[type=checkbox]')[1] as HTMLInputElement;
    act(() => second.click());
    expect(addButton(host).textContent).toBe('Add 1 question');
    await act(async () => addButton(host).click());
    expect(calls.saved).toEqual([[{ question: 'Is it GA?', answers: [] }]]);

    type(host, 'Q: Is it GA?\n\nQ: Where are the slides?\n\nQ: Any trial?');
    pause();
    expect(addButton(host).textContent).toBe('Add 3 questions');
  });
});
