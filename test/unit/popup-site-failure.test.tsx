// @vitest-environment happy-dom
/**
 * The popup's "Stop on <host>": when the browser refuses to take the permission back, the popup
 * says so instead of dropping the rejection and claiming nothing.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it, vi } from 'vitest';

vi.mock('../../src/platform/browser', () => ({
  default: {
    runtime: { getManifest: () => ({ content_scripts: [{ matches: ['https://www.youtube.com/*'] }] }) },
    tabs: {
      query: () => Promise.resolve([{ id: 1, url: 'https://webinars.example.com/live' }]),
      sendMessage: () => Promise.reject(new Error('no receiver')),
    },
    permissions: {
      contains: () => Promise.resolve(true),
      remove: () => Promise.reject(new Error('the browser refused')),
    },
  },
}));
// The note count reads the database; no video is shown here, so it is not asked.
vi.mock('../../src/pages/shared/live-query', () => ({ useLiveQuery: () => ({ state: 'loading' }) }));

const { Popup } = await import('../../src/pages/popup/Popup');

it('says why a site could not be removed', async () => {
  document.body.innerHTML = '<div id="host"></div>';
  const host = document.getElementById('host') as HTMLElement;
  await act(async () => {
    render(<Popup />, host);
    await Promise.resolve();
  });
  const stop = await vi.waitFor(() => {
    const button = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Stop on webinars.example.com');
    if (!button) throw new Error('no Stop button yet');
    return button;
  });
  await act(() => stop.click());
  await expect.poll(() => host.querySelector('.note')?.textContent).toBe('webinars.example.com could not be removed: the browser refused');
  render(null, host);
});
