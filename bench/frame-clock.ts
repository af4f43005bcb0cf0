/**
 * In the page: when the browser has finished rendering the next frame. A rAF callback runs before
 * that frame's style, layout and paint; a message posted from it is delivered after them. So the
 * message's arrival is when the frame's main-thread work is done, which headless Chromium's
 * vsync-quantised rAF timestamps alone cannot show.
 */
export interface FrameClock {
  /** Calls `done` with the rAF timestamp (frame start) and performance.now() once that frame is rendered. */
  afterNextFrame(done: (frameStart: number, renderedAt: number) => void): void;
}

export type FrameClockWindow = Window & { benchFrameClock: FrameClock };

/** Installed as an init script (browsers.ts), so it exists in every page and frame before their own scripts. */
export function installFrameClock(): void {
  const channel = new MessageChannel();
  const waiting: ((renderedAt: number) => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.(performance.now());
  (window as unknown as FrameClockWindow).benchFrameClock = {
    afterNextFrame(done) {
      requestAnimationFrame((frameStart) => {
        waiting.push((renderedAt) => done(frameStart, renderedAt));
        channel.port2.postMessage(null);
      });
    },
  };
}
