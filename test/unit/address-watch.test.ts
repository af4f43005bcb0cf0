// @vitest-environment happy-dom
/** The content script hears a page's own `history.pushState` (issue 11, item 11). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchAddress } from '../../src/content/address-watch';

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { navigation?: EventTarget }).navigation;
  history.replaceState(null, '', '/');
});

describe('watchAddress', () => {
  it('with the Navigation API: calls back once per new address, a task after the change, until aborted', async () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    const controller = new AbortController();
    const onChange = vi.fn();
    watchAddress(onChange, controller.signal);

    history.pushState(null, '', '/lesson/3');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(onChange).not.toHaveBeenCalled();
    await expect.poll(() => onChange.mock.calls.length).toBe(1);

    // The same address again (a state update): nothing changed for a recording.
    history.replaceState({ at: 1 }, '', '/lesson/3');
    navigation.dispatchEvent(new Event('currententrychange'));
    await new Promise((done) => setTimeout(done, 0));
    expect(onChange).toHaveBeenCalledTimes(1);

    controller.abort();
    history.pushState(null, '', '/lesson/4');
    navigation.dispatchEvent(new Event('currententrychange'));
    await new Promise((done) => setTimeout(done, 0));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('without it (Firefox before 147): compares the address every 500 ms, until aborted', () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const onChange = vi.fn();
    watchAddress(onChange, controller.signal);

    vi.advanceTimersByTime(500);
    expect(onChange).not.toHaveBeenCalled();
    history.pushState(null, '', '/lesson/3');
    vi.advanceTimersByTime(500);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(onChange).toHaveBeenCalledTimes(1);

    controller.abort();
    history.pushState(null, '', '/lesson/4');
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});
