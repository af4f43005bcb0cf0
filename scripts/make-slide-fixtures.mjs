// `node scripts/make-slide-fixtures.mjs`: writes the slide-detection fixture videos and their
// truth files into test/e2e/fixtures/slides/ (see the README there):
//   ten-slides.webm + ten-slides.json  a webinar recording: ten slides to keep, one shown again
//   motion.webm + motion.json          a talking head, no slides
// Needs ffmpeg with libvpx (Debian: `apt-get install -y ffmpeg`) and Chromium (CHROME_PATH, else
// /usr/bin/chromium) for the slides' text. Developers run it; CI uses the committed files.
//
// The slides are HTML rendered by Chromium to PNG, read back as raw RGB through ffmpeg; every frame
// is then composed here (cuts, cross-fades, the presenter's inset, camera noise) from a seeded
// generator and piped to ffmpeg as raw video, so the truth file says exactly when each picture
// changed. The encoder's low bitrate adds the compression noise.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = join(root, 'test/e2e/fixtures/slides');
const FPS = 15;

// ---------------------------------------------------------------------------------------------
// Drawing on an RGB frame (Float32Array, 3 values a pixel, 0-255)

/** A seeded generator (mulberry32): the same video every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About normal, mean 0, deviation 1 (the sum of three uniforms). */
const gaussian = (rnd) => (rnd() + rnd() + rnd() - 1.5) * 2;

const smoothstep = (edge0, edge1, x) => {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
};

class Frame {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    this.rgb = new Float32Array(width * height * 3);
  }

  /** Blends `color` into pixel (x, y) by `alpha` (0-1). */
  blend(x, y, color, alpha) {
    if (alpha <= 0 || x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const p = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++) this.rgb[p + c] += (color[c] - this.rgb[p + c]) * Math.min(1, alpha);
  }

  /** An ellipse centred at (cx, cy), turned by `angle` radians, with an anti-aliased edge. */
  ellipse(cx, cy, rx, ry, color, { angle = 0, alpha = 1, clip = null } = {}) {
    const reach = Math.max(rx, ry) + 2;
    const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
    const box = clip ?? { x0: 0, y0: 0, x1: this.width, y1: this.height };
    for (let y = Math.max(box.y0, Math.floor(cy - reach)); y < Math.min(box.y1, Math.ceil(cy + reach)); y++) {
      for (let x = Math.max(box.x0, Math.floor(cx - reach)); x < Math.min(box.x1, Math.ceil(cx + reach)); x++) {
        const dx = x + 0.5 - cx;
        const dy = y + 0.5 - cy;
        const u = (dx * cos + dy * sin) / rx;
        const v = (-dx * sin + dy * cos) / ry;
        // Distance outside the edge, in pixels (about): 1 px of anti-aliasing.
        const outside = (Math.sqrt(u * u + v * v) - 1) * Math.min(rx, ry);
        this.blend(x, y, color, alpha * (1 - smoothstep(-0.5, 0.5, outside)));
      }
    }
  }

  rect(x0, y0, x1, y1, color, alpha = 1) {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(this.height, Math.round(y1)); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(this.width, Math.round(x1)); x++) this.blend(x, y, color, alpha);
    }
  }

  /** Multiplies a region by `gain` and adds camera noise (deviation `noise`, per channel). */
  camera(rnd, { gain = 1, noise = 0, x0 = 0, y0 = 0, x1 = this.width, y1 = this.height }) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const p = (y * this.width + x) * 3;
        const grain = noise * gaussian(rnd);
        for (let c = 0; c < 3; c++) this.rgb[p + c] = this.rgb[p + c] * gain + grain;
      }
    }
  }

  bytes() {
    const out = Buffer.alloc(this.rgb.length);
    for (let i = 0; i < this.rgb.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(this.rgb[i])));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// A presenter: a room, shoulders, a head that sways, nods, turns, talks and blinks, and a hand

const SKIN = [224, 172, 140];
const HAIR = [62, 44, 34];
const SHIRT = [52, 92, 150];

/** The room behind the presenter, drawn into `frame` within `box`, at `scale` (1 = 640×360). */
function room(frame, box, scale) {
  const { x0, y0, x1, y1 } = box;
  for (let y = y0; y < y1; y++) {
    const shade = 1 - ((y - y0) / (y1 - y0)) * 0.25;
    for (let x = x0; x < x1; x++) {
      const p = (y * frame.width + x) * 3;
      frame.rgb[p] = 196 * shade;
      frame.rgb[p + 1] = 188 * shade;
      frame.rgb[p + 2] = 170 * shade;
    }
  }
  // A shelf of books on the left, a plant on the right, a picture on the wall.
  const at = (fx, fy) => [x0 + fx * scale, y0 + fy * scale];
  const [sx, sy] = at(30, 90);
  frame.rect(sx, sy, sx + 150 * scale, sy + 12 * scale, [110, 74, 48]);
  const books = [[150, 40, 40], [40, 90, 60], [200, 170, 60], [60, 60, 120], [170, 110, 60], [90, 40, 90], [40, 120, 140]];
  for (let i = 0; i < 12; i++) {
    const height = (40 + ((i * 37) % 25)) * scale;
    const left = sx + (4 + i * 12) * scale;
    frame.rect(left, sy - height, left + 10 * scale, sy, books[i % books.length]);
  }
  const [px, py] = at(560, 250);
  frame.rect(px - 22 * scale, py, px + 22 * scale, py + 60 * scale, [150, 90, 60]);
  for (let i = 0; i < 7; i++) frame.ellipse(px + (i - 3) * 12 * scale, py - (20 + (i % 3) * 18) * scale, 14 * scale, 34 * scale, [60, 120 + i * 8, 60], { angle: (i - 3) * 0.3, clip: box });
  const [fx, fy] = at(470, 40);
  frame.rect(fx, fy, fx + 90 * scale, fy + 64 * scale, [80, 70, 60]);
  frame.rect(fx + 5 * scale, fy + 5 * scale, fx + 85 * scale, fy + 59 * scale, [120, 160, 190]);
  frame.rect(fx + 5 * scale, fy + 35 * scale, fx + 85 * scale, fy + 59 * scale, [90, 130, 80]);
}

/**
 * The presenter at pose `pose`: centre (x, y) of the head, its height `size` (px), `yaw` (-1 left
 * … 1 right), `mouth` open 0-1, `blink` 0-1, `tilt` radians.
 */
function presenter(frame, box, pose) {
  const { x, y, size, yaw, mouth, blink, tilt } = pose;
  const ry = size / 2;
  const rx = ry * 0.78 * (1 - 0.12 * Math.abs(yaw));
  const clip = box;
  // Shoulders and neck follow the head a little.
  frame.ellipse(x - yaw * rx * 0.1, y + ry * 2.6, ry * 2.1, ry * 1.25, SHIRT, { clip });
  frame.rect(x - rx * 0.35, y + ry * 0.6, x + rx * 0.35, y + ry * 1.5, [206, 156, 126]);
  // Hair behind, the face, hair on top (more of it showing on the side turned away).
  frame.ellipse(x - yaw * rx * 0.25, y - ry * 0.12, rx * 1.08, ry * 1.05, HAIR, { angle: tilt, clip });
  frame.ellipse(x, y + ry * 0.05, rx, ry * 0.95, SKIN, { angle: tilt, clip });
  frame.ellipse(x - yaw * rx * 0.2, y - ry * 0.72, rx * 0.98, ry * 0.38, HAIR, { angle: tilt, clip });
  const face = yaw * rx * 0.38;
  const [cos, sin] = [Math.cos(tilt), Math.sin(tilt)];
  const place = (dx, dy) => [x + (dx + face) * cos - dy * sin, y + (dx + face) * sin + dy * cos];
  for (const side of [-1, 1]) {
    const [ex, ey] = place(side * rx * 0.38 * (1 - 0.3 * side * yaw), -ry * 0.12);
    frame.ellipse(ex, ey, rx * 0.17, ry * 0.09 * (1 - 0.9 * blink) + 0.3, [250, 250, 250], { clip });
    frame.ellipse(ex + yaw * rx * 0.05, ey, rx * 0.08, ry * 0.08 * (1 - 0.9 * blink) + 0.3, [40, 30, 30], { clip });
    frame.ellipse(ex, ey - ry * 0.17, rx * 0.2, ry * 0.03, HAIR, { clip });
  }
  const [nx, ny] = place(yaw * rx * 0.15, ry * 0.12);
  frame.ellipse(nx, ny, rx * 0.09, ry * 0.14, [196, 140, 110], { clip });
  const [mx, my] = place(0, ry * 0.46);
  frame.ellipse(mx, my, rx * 0.3, ry * (0.04 + 0.13 * mouth), [120, 40, 50], { clip });
}

/** A hand: palm and fingers, at (x, y), `size` px tall, turned by `angle` (0 = fingers up). */
function hand(frame, box, { x, y, size, angle, spread }) {
  const clip = box;
  frame.ellipse(x, y, size * 0.3, size * 0.34, SKIN, { angle, clip });
  for (let i = 0; i < 4; i++) {
    const a = angle + (i - 1.5) * 0.18 * spread;
    const reach = size * (0.52 - Math.abs(i - 1.3) * 0.05);
    frame.ellipse(x + Math.sin(a) * reach, y - Math.cos(a) * reach, size * 0.07, size * 0.24, SKIN, { angle: a, clip });
  }
  const thumb = angle - 1.1;
  frame.ellipse(x + Math.sin(thumb) * size * 0.34, y - Math.cos(thumb) * size * 0.34, size * 0.08, size * 0.2, SKIN, { angle: thumb, clip });
  frame.ellipse(x, y + size * 0.45, size * 0.22, size * 0.3, SHIRT, { angle, clip });
}

/** How a presenter moves: smooth sways and nods at unrelated frequencies, talking with pauses, blinks. */
function naturalPose(t, rnd, { cx, cy, size }) {
  const talking = Math.sin(t * 0.31) > -0.6 ? 1 : 0;
  const blinkPhase = (t * 0.27 + Math.sin(t * 0.05)) % 1;
  return {
    x: cx + size * (0.22 * Math.sin(t * 0.61) + 0.09 * Math.sin(t * 1.73 + 1) + 0.01 * gaussian(rnd)),
    y: cy + size * (0.06 * Math.sin(t * 0.93 + 2) + 0.04 * Math.sin(t * 2.3)),
    size: size * (1 + 0.04 * Math.sin(t * 0.21)),
    yaw: 0.25 * Math.sin(t * 0.43),
    tilt: 0.06 * Math.sin(t * 0.77 + 0.5),
    mouth: talking * Math.abs(Math.sin(t * 8.7) * Math.sin(t * 3.1)),
    blink: blinkPhase < 0.05 ? 1 : 0,
  };
}

// ---------------------------------------------------------------------------------------------
// Encoding

/** Pipes `frames` (a generator of Buffers of raw RGB) to ffmpeg, encoding VP9 into `file`. */
function encode(file, width, height, frames, { bitrate, scale }) {
  const filters = scale ? ['-vf', `scale=${scale}:flags=area`] : [];
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-hide_banner', '-loglevel', 'error', '-y',
      '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-r', String(FPS), '-i', '-',
      ...filters,
      '-c:v', 'libvpx-vp9', '-pix_fmt', 'yuv420p', '-b:v', bitrate, '-minrate', '0', '-maxrate', bitrate,
      '-g', String(FPS * 10), '-deadline', 'good', '-cpu-used', '2', '-row-mt', '1', '-threads', '2', '-an',
      file,
    ],
    { stdio: ['pipe', 'inherit', 'inherit'] },
  );
  return new Promise((done, fail) => {
    ffmpeg.on('error', fail);
    ffmpeg.on('exit', (code) => (code === 0 ? done() : fail(new Error(`ffmpeg exited with ${code} writing ${file}`))));
    (async () => {
      for (const frame of frames) {
        if (!ffmpeg.stdin.write(frame)) await new Promise((drained) => ffmpeg.stdin.once('drain', drained));
      }
      ffmpeg.stdin.end();
    })().catch(fail);
  });
}

/** Joins `parts` (WebM files of one codec, any size) without re-encoding: the size changes at the seam. */
function concat(parts, file, work) {
  const list = join(work, 'parts.txt');
  writeFileSync(list, parts.map((part) => `file '${part}'\n`).join(''));
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', file], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`ffmpeg could not join ${parts.join(', ')}`);
}

/** A PNG decoded to raw RGB by ffmpeg. */
function rgbOf(png, width, height) {
  const result = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', png, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 64 << 20 });
  if (result.status !== 0 || result.stdout.length !== width * height * 3) throw new Error(`could not decode ${png}`);
  return Float32Array.from(result.stdout);
}

// ---------------------------------------------------------------------------------------------
// ten-slides.webm

const SLIDE_W = 854;
const SLIDE_H = 480;

const STYLE = `
  * { box-sizing: border-box; margin: 0; }
  body { width: ${SLIDE_W}px; height: ${SLIDE_H}px; overflow: hidden; font-family: 'DejaVu Sans', sans-serif; background: #fbfaf6; color: #1d2433; }
  .slide { position: relative; width: 100%; height: 100%; padding: 30px 44px; }
  h1 { font-size: 34px; color: #14213d; }
  .rule { width: 120px; height: 6px; background: #e07a2e; margin: 12px 0 22px; }
  ul { padding-left: 28px; font-size: 23px; line-height: 1.5; }
  li { margin-bottom: 6px; }
  footer { position: absolute; left: 44px; bottom: 16px; font-size: 13px; color: #6b7280; }
  footer b { display: inline-block; width: 14px; height: 14px; background: #14213d; margin-right: 8px; vertical-align: -2px; }
  .page { position: absolute; right: 250px; bottom: 16px; font-size: 13px; color: #6b7280; }
`;

const footer = (page) => `<footer><b></b>Accessible forms in practice · Spring webinar series</footer><div class="page">${page}</div>`;
const bullets = (title, items, page) => `<div class="slide"><h1>${title}</h1><div class="rule"></div><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>${footer(page)}</div>`;

const LABELS = [
  'Every field has a visible label',
  'Instructions come before the field',
  'Placeholders are not labels',
];

/**
 * The pictures of the deck, in the order first shown. `labels-build` is `labels` with a fourth
 * bullet revealed: a build step that adds a whole bullet is a picture to keep (README).
 */
const SLIDES = {
  title: `<div class="slide" style="background:#14213d;color:#fff;padding:110px 60px">
    <div style="font-size:18px;letter-spacing:3px;color:#f2b880">SPRING WEBINAR SERIES</div>
    <h1 style="color:#fff;font-size:46px;margin-top:18px">Accessible forms in practice</h1>
    <div class="rule"></div>
    <div style="font-size:22px;color:#d7dcea">Ada Example · Accessibility lead, Example Org</div></div>`,
  agenda: `<div class="slide"><h1>Agenda</h1><div class="rule"></div>
    <ol style="padding-left:32px;font-size:25px;line-height:1.6">
      <li>Why forms fail</li><li>Labels and instructions</li><li>Errors people can fix</li>
      <li>Testing with real users</li><li>Tools and questions</li></ol>${footer(2)}</div>`,
  fail: `<div class="slide"><h1>Why forms fail</h1><div class="rule"></div>
    <div style="display:flex;gap:36px;align-items:flex-start">
      <div style="font-size:92px;font-weight:bold;color:#e07a2e;line-height:1">1 in 4</div>
      <ul style="font-size:22px"><li>abandon a form after one error</li><li>cannot tell which field failed</li><li>lose what they typed</li></ul>
    </div>${footer(3)}</div>`,
  labels: bullets('Labels and instructions', LABELS, 4),
  'labels-build': bullets('Labels and instructions', [...LABELS, 'Group related fields with a fieldset and legend, so a screen reader says the question'], 4),
  errors: `<div class="slide"><h1>Errors people can fix</h1><div class="rule"></div>
    <div style="display:flex;gap:28px">
      <ul style="font-size:21px;width:330px"><li>Say what went wrong</li><li>Say how to fix it</li><li>Keep what was typed</li></ul>
      <pre style="background:#1d2433;color:#c9f29b;font-size:15px;padding:14px;border-radius:6px;line-height:1.45">&lt;label for="email"&gt;Email&lt;/label&gt;
&lt;input id="email"
  aria-describedby="email-error"
  aria-invalid="true"&gt;
&lt;p id="email-error"&gt;
  Enter an address like
  name@example.org
&lt;/p&gt;</pre></div>${footer(5)}</div>`,
  testing: `<div class="slide"><h1>Testing with real users</h1><div class="rule"></div>
    <div style="display:flex;align-items:flex-end;gap:34px;height:230px;padding-left:20px">
      ${[[150, 'Keyboard'], [210, 'Screen reader'], [95, 'Voice'], [180, 'Zoom 400%'], [60, 'Switch']]
        .map(([h, label]) => `<div style="text-align:center;font-size:14px"><div style="width:70px;height:${h}px;background:#3b6ea5;margin-bottom:6px"></div>${label}</div>`)
        .join('')}
    </div>${footer(6)}</div>`,
  tools: `<div class="slide"><h1>Tools</h1><div class="rule"></div>
    <table style="border-collapse:collapse;font-size:19px;width:520px">
      ${[['Tool', 'Finds', 'Cost'], ['axe DevTools', 'Missing labels', 'Free'], ['WAVE', 'Contrast, structure', 'Free'], ['NVDA', 'What is announced', 'Free'], ['Usability study', 'Real barriers', 'Time']]
        .map((row, i) => `<tr style="background:${i === 0 ? '#14213d;color:#fff' : i % 2 ? '#eef1f6' : '#fff'}">${row.map((c) => `<td style="padding:8px 12px">${c}</td>`).join('')}</tr>`)
        .join('')}
    </table>${footer(7)}</div>`,
  summary: bullets('Summary', ['✔ Label every field, visibly', '✔ Errors say what and how', '✔ Test with a keyboard first', '✔ Invite users who rely on assistive tech'], 8),
  questions: `<div class="slide" style="background:#e07a2e;color:#fff;text-align:center;padding-top:150px">
    <h1 style="color:#fff;font-size:64px">Questions?</h1>
    <div style="font-size:22px;margin-top:24px">ada@example.org · slides at example.org/forms</div></div>`,
};

/**
 * What is on screen and when: each entry from `t` (seconds) until the next, reached by a cut, a
 * cross-fade of `fade` seconds, or a build (a cut that adds a bullet). `expect` is what the
 * detector must say: a new slide, or the slide seen again.
 */
const TIMELINE = [
  { t: 0, slide: 'title', change: 'start', expect: 'new' },
  { t: 12, slide: 'agenda', change: 'cut', expect: 'new' },
  { t: 25, slide: 'fail', change: 'fade', fade: 1, expect: 'new' },
  { t: 38, slide: 'labels', change: 'cut', expect: 'new' },
  { t: 50, slide: 'labels-build', change: 'build', expect: 'new' },
  { t: 62, slide: 'errors', change: 'fade', fade: 1, expect: 'new' },
  { t: 76, slide: 'agenda', change: 'cut', expect: 'again' },
  { t: 86, slide: 'testing', change: 'fade', fade: 1.5, expect: 'new' },
  { t: 100, slide: 'tools', change: 'cut', expect: 'new' },
  { t: 113, slide: 'summary', change: 'fade', fade: 1, expect: 'new' },
  { t: 127, slide: 'questions', change: 'cut', expect: 'new' },
];
const TEN_SLIDES_DURATION = 142;
/** Where an adaptive player would switch to a lower rendition: the video is 854×480 before, 640×360 after. */
const RESOLUTION_SWITCH_AT = 70;

async function renderSlides(work) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: SLIDE_W, height: SLIDE_H }, deviceScaleFactor: 1 });
    const pictures = {};
    for (const [name, html] of Object.entries(SLIDES)) {
      await page.setContent(`<!doctype html><meta charset="utf-8"><style>${STYLE}</style>${html}`);
      const file = join(work, `${name}.png`);
      await page.screenshot({ path: file });
      pictures[name] = rgbOf(file, SLIDE_W, SLIDE_H);
    }
    return pictures;
  } finally {
    await browser.close();
  }
}

/** The presenter's inset: bottom right, 16:9, as a meeting tool records a shared screen with the speaker. */
const INSET = { x0: SLIDE_W - 12 - 200, y0: SLIDE_H - 12 - 112, x1: SLIDE_W - 12, y1: SLIDE_H - 12 };

function* slideFrames(pictures, from, to) {
  const rnd = random(20261215 + from);
  const frame = new Frame(SLIDE_W, SLIDE_H);
  const insetScale = (INSET.x1 - INSET.x0) / 640;
  for (let i = Math.round(from * FPS); i < Math.round(to * FPS); i++) {
    const t = i / FPS;
    const index = TIMELINE.findLastIndex((entry) => entry.t <= t);
    const entry = TIMELINE[index];
    const picture = pictures[entry.slide];
    const mix = entry.fade ? Math.min(1, (t - entry.t) / entry.fade) : 1;
    const before = mix < 1 ? pictures[TIMELINE[index - 1].slide] : null;
    for (let p = 0; p < frame.rgb.length; p++) frame.rgb[p] = before ? before[p] + (picture[p] - before[p]) * mix : picture[p];
    // The inset: the presenter's camera, never still, with its own grain and auto-exposure drift.
    room(frame, INSET, insetScale);
    const pose = naturalPose(t, rnd, { cx: INSET.x0 + 100, cy: INSET.y0 + 50, size: 62 });
    presenter(frame, INSET, pose);
    frame.camera(rnd, { ...INSET, gain: 1 + 0.03 * Math.sin(t * 0.7), noise: 4 });
    frame.rect(INSET.x0 - 2, INSET.y0 - 2, INSET.x1 + 2, INSET.y0, [40, 40, 40]);
    frame.rect(INSET.x0 - 2, INSET.y0, INSET.x0, INSET.y1 + 2, [40, 40, 40]);
    yield frame.bytes();
  }
}

async function tenSlides(work) {
  const pictures = await renderSlides(work);
  const first = join(work, 'ten-slides-480.webm');
  const second = join(work, 'ten-slides-360.webm');
  await encode(first, SLIDE_W, SLIDE_H, slideFrames(pictures, 0, RESOLUTION_SWITCH_AT), { bitrate: '18k' });
  await encode(second, SLIDE_W, SLIDE_H, slideFrames(pictures, RESOLUTION_SWITCH_AT, TEN_SLIDES_DURATION), { bitrate: '14k', scale: '640:360' });
  concat([first, second], join(OUT, 'ten-slides.webm'), work);
  const truth = {
    video: 'ten-slides.webm',
    duration: TEN_SLIDES_DURATION,
    size: [{ from: 0, width: SLIDE_W, height: SLIDE_H }, { from: RESOLUTION_SWITCH_AT, width: 640, height: 360 }],
    inset: 'a presenter camera, bottom right, 200×112 px at 854×480, moving and grainy all the time',
    // `t`: the picture starts to change; `shown`: it is fully on screen (the end of a fade), the
    // time the detector reports, as the moment the picture last changed.
    slides: TIMELINE.map(({ t, slide, change, fade, expect }) => ({ t, shown: t + (fade ?? 0), slide, change, ...(fade && { fade }), expect })),
    expected: { new: TIMELINE.filter((e) => e.expect === 'new').length, again: TIMELINE.filter((e) => e.expect === 'again').length },
  };
  writeFileSync(join(OUT, 'ten-slides.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// motion.webm

const MOTION_W = 640;
const MOTION_H = 360;
const MOTION_DURATION = 150;

/** Head turns (yaw to ±0.85 and back), hand gestures and light changes: [start, end] seconds. */
const TURNS = [[18, 24, 1], [66, 71, -1], [117, 123, 1]];
const GESTURES = [[52, 59], [98, 103], [134, 139]];
/**
 * Exposure over time: a lamp brightens the room slowly (40-43 s), the light is switched off at
 * 84 s (a sudden drop the camera's auto-exposure makes up over 2 s), and daylight drifts 125-140 s.
 */
function exposure(t) {
  let gain = 1 + 0.18 * smoothstep(40, 43, t);
  if (t >= 84) gain *= 0.72 + 0.18 * smoothstep(84.1, 86.1, t);
  return gain * (1 + 0.08 * smoothstep(125, 140, t));
}

/** A still stretch (reading from notes): 106-114 s the presenter barely moves. */
const STILL = [106, 114];

function* motionFrames() {
  const rnd = random(4242);
  const frame = new Frame(MOTION_W, MOTION_H);
  const box = { x0: 0, y0: 0, x1: MOTION_W, y1: MOTION_H };
  for (let i = 0; i < MOTION_DURATION * FPS; i++) {
    const t = i / FPS;
    room(frame, box, 1);
    const pose = naturalPose(t, rnd, { cx: 320, cy: 150, size: 150 });
    for (const [start, end, side] of TURNS) pose.yaw += side * 0.85 * smoothstep(start, start + 1.2, t) * (1 - smoothstep(end - 1.2, end, t));
    const calm = smoothstep(STILL[0], STILL[0] + 1, t) * (1 - smoothstep(STILL[1] - 1, STILL[1], t));
    pose.x += (320 - pose.x) * calm * 0.9;
    pose.y += (150 - pose.y) * calm * 0.9;
    pose.mouth *= 1 - calm;
    presenter(frame, box, pose);
    const gesture = GESTURES.find(([start, end]) => t >= start && t < end);
    if (gesture) {
      const [start, end] = gesture;
      const enter = smoothstep(start, start + 1, t) * (1 - smoothstep(end - 1, end, t));
      hand(frame, box, {
        x: 470 + 40 * Math.sin((t - start) * 2.1),
        y: MOTION_H + 40 - enter * 190 + 12 * Math.sin((t - start) * 5),
        size: 150,
        angle: 0.35 * Math.sin((t - start) * 3.3),
        spread: 1 + 0.6 * Math.sin((t - start) * 1.7),
      });
    }
    frame.camera(rnd, { gain: exposure(t) * (1 + 0.01 * gaussian(rnd)), noise: 5 });
    yield frame.bytes();
  }
}

async function motion() {
  await encode(join(OUT, 'motion.webm'), MOTION_W, MOTION_H, motionFrames(), { bitrate: '20k' });
  const truth = {
    video: 'motion.webm',
    duration: MOTION_DURATION,
    headTurns: TURNS.map(([from, to]) => ({ from, to })),
    handGestures: GESTURES.map(([from, to]) => ({ from, to })),
    light: [{ from: 40, to: 43, change: 'brighter, slowly' }, { from: 84, to: 86, change: 'light off, auto-exposure recovers' }, { from: 125, to: 140, change: 'daylight drift' }],
    still: { from: STILL[0], to: STILL[1] },
    expected: { maxNew: 1 },
  };
  writeFileSync(join(OUT, 'motion.json'), `${JSON.stringify(truth, null, 2)}\n`);
}

mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'slide-fixtures-'));
try {
  const only = process.argv[2];
  if (!only || only === 'ten-slides') await tenSlides(work);
  if (!only || only === 'motion') await motion();
} finally {
  rmSync(work, { recursive: true, force: true });
}
