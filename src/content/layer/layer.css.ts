import { MARKER_CSS } from './markers';

/** Styles of the in-page layer. Pixel sizes, not rem: the page's root font size must not matter. */
export const LAYER_CSS = `
* { box-sizing: border-box; }
.strip, .launcher, .panel { position: fixed; pointer-events: auto; }
.strip {
  height: 12px; background: rgba(20, 24, 32, 0.55); border-radius: 0 0 4px 4px;
}
.strip[hidden], .launcher[hidden], .panel[hidden] { display: none; }
.launcher {
  all: unset; position: fixed; pointer-events: auto; cursor: pointer;
  font: 600 13px/1 system-ui, sans-serif; color: #fff; background: rgba(31, 79, 191, 0.92);
  padding: 7px 10px; border-radius: 14px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.4);
}
.launcher:hover { background: #1f4fbf; }
.launcher:focus-visible { outline: 2px solid #ffb020; outline-offset: 2px; }
.panel {
  border: 0; border-radius: 10px; background: #fff; color-scheme: normal;
  box-shadow: 0 4px 24px rgba(0, 0, 0, 0.35);
}
${MARKER_CSS}
`;
