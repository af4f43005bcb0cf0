// @vitest-environment happy-dom
/** TabBoundary in a DOM: a part that throws while rendering shows why, and its siblings stay. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TabBoundary } from '../../src/pages/panel/TabBoundary';

let broken = true;
function Summary() {
  if (broken) throw new RangeError('Not a media time: 1e+21');
  return <p>The summary post</p>;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('TabBoundary', () => {
  it('shows the error in the failed part only; the other parts and their typed text stay; Try again renders it again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    broken = true;
    const host = document.createElement('div');
    document.body.append(host);
    await act(() => {
      render(
        <main>
          <TabBoundary what="The note box">
            <textarea aria-label="New note" />
          </TabBoundary>
          <TabBoundary what="The Summary tab">
            <Summary />
          </TabBoundary>
        </main>,
        host,
      );
    });
    const box = host.querySelector('textarea') as HTMLTextAreaElement;
    box.value = 'half a thought';
    const alert = host.querySelector('[role=alert]');
    expect(alert?.textContent).toContain('The Summary tab could not be shown (Not a media time: 1e+21). Your notes are safe');
    expect(host.querySelector('textarea')).toBe(box);
    expect(box.value).toBe('half a thought');

    broken = false;
    await act(() => (host.querySelector('[role=alert] button') as HTMLButtonElement).click());
    expect(host.querySelector('[role=alert]')).toBeNull();
    expect(host.textContent).toContain('The summary post');
  });
});
