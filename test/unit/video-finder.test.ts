// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pickMainVideo } from '../../src/content/video-finder';

/** A video in the page with the given rendered size (happy-dom lays nothing out, so the box is stubbed). */
function video(width: number, height: number, style: Partial<CSSStyleDeclaration> = {}, playing = false): HTMLVideoElement {
  const element = document.createElement('video');
  // happy-dom computes '' for an unset opacity, where browsers give '1'.
  element.style.opacity = '1';
  Object.assign(element.style, style);
  element.getBoundingClientRect = () => new DOMRect(0, 0, width, height);
  if (playing) Object.defineProperty(element, 'paused', { value: false });
  document.body.append(element);
  return element;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('pickMainVideo', () => {
  it('picks the largest visible video', () => {
    const small = video(320, 180);
    const large = video(1280, 720);
    const medium = video(640, 360);
    expect(pickMainVideo([small, large, medium])).toBe(large);
  });

  it('ignores hidden videos, however large', () => {
    const shown = video(400, 225);
    const hidden = [
      video(1920, 1080, { visibility: 'hidden' }),
      video(1920, 1080, { display: 'none' }),
      video(1920, 1080, { opacity: '0' }),
    ];
    expect(pickMainVideo([...hidden, shown])).toBe(shown);
  });

  it('ignores videos too small to be a recording', () => {
    expect(pickMainVideo([video(199, 1000), video(1000, 111), video(100, 56)])).toBeNull();
    const least = video(200, 112);
    expect(pickMainVideo([video(199, 1000), least])).toBe(least);
  });

  it('ignores videos not in the document', () => {
    const detached = video(1280, 720);
    detached.remove();
    const attached = video(320, 180);
    expect(pickMainVideo([detached, attached])).toBe(attached);
  });

  it('prefers a playing video when sizes tie', () => {
    const paused = video(640, 360);
    const playing = video(640, 360, {}, true);
    expect(pickMainVideo([paused, playing])).toBe(playing);
    expect(pickMainVideo([playing, paused])).toBe(playing);
  });

  it('returns null when there is no video', () => {
    expect(pickMainVideo([])).toBeNull();
  });
});
