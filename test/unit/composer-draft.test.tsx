// @vitest-environment happy-dom
/**
 * The composer in a DOM, over fake-indexeddb: what happens to this panel's stored draft when keys
 * arrive before it has been read (the shortcut focuses the box right after a reload).
 */
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { loadDrafts, saveDraft } from '../../src/db/drafts';
import { renderComposer } from './composer-host';
import { emptyDatabase } from './empty-db';

const RECORDING = { key: 'youtube:Wb1nQ9rLk2A', site: 'youtube' as const, url: 'https://www.youtube.com/watch?v=Wb1nQ9rLk2A', title: 'Talk' };
const PANEL = 'panel-a';

function mount(): HTMLTextAreaElement {
  const host = document.createElement('div');
  document.body.append(host);
  renderComposer(host, { panelId: PANEL, recording: RECORDING, time: 42, whyNoTime: 'no time' });
  return host.querySelector('textarea') as HTMLTextAreaElement;
}

describe('Composer drafts', () => {
  it('typed into before its own draft was read, moves that draft aside and offers it', async () => {
    await emptyDatabase();
    await saveDraft(PANEL, RECORDING.key, 'Half a sentence from before the reload', 30);
    let box!: HTMLTextAreaElement;
    await act(async () => {
      box = mount();
      // Before the stored draft is read: the same task as the mount.
      box.value = 'N';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Let the draft read, the move and the throttled write land.
    await expect
      .poll(async () => {
        const { own, others } = await loadDrafts(PANEL, RECORDING.key);
        return { own: own?.text, others: others.map((draft) => draft.text) };
      })
      .toEqual({ own: 'N', others: ['Half a sentence from before the reload'] });
    expect(document.body.textContent).toContain('Half a sentence from before the reload');
  });

  it('untouched, restores its own draft into the box', async () => {
    await emptyDatabase();
    document.body.innerHTML = '';
    await saveDraft(PANEL, RECORDING.key, 'Restored as it was', 30);
    let box!: HTMLTextAreaElement;
    await act(async () => {
      box = mount();
    });
    await expect.poll(() => box.value).toBe('Restored as it was');
  });
});

describe('Composer: taking another panel’s draft', () => {
  it('typed into while the draft is being taken over, keeps both: the typed text, and the draft offered', async () => {
    await emptyDatabase();
    document.body.innerHTML = '';
    await saveDraft('panel-b', RECORDING.key, 'Written in the other tab', 12);
    let box!: HTMLTextAreaElement;
    await act(async () => {
      box = mount();
    });
    await expect.poll(() => document.body.querySelector('.draft-offers button')?.textContent).toBe('Use it');
    await act(async () => {
      (document.body.querySelector('.draft-offers button') as HTMLButtonElement).click();
      // Before the take-over's transaction is back.
      box.value = 'Meanwhile';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect
      .poll(async () => {
        const { own, others } = await loadDrafts(PANEL, RECORDING.key);
        return { box: box.value, own: own?.text, others: others.map((draft) => draft.text) };
      })
      .toEqual({ box: 'Meanwhile', own: 'Meanwhile', others: ['Written in the other tab'] });
  });
});
