// `npm start`: build the extension, then open the demo webinar in Chromium with dist/ loaded.
// Uses a persistent profile in .profile/ so notes survive between runs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startDemoServer } from './demo-server.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dist = join(root, 'dist');
const profileDir = join(root, '.profile');
const LOAD_BY_HAND = `To load the extension by hand: open chrome://extensions, turn on Developer mode,
click "Load unpacked" and choose the folder:
  ${dist}`;

// 1. Build. Use the local vite so the result matches `npm run build`.
const vite = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vite.cmd' : 'vite');
const build = spawnSync(vite, ['build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.error(`\nBuild failed (${build.error?.message ?? `exit code ${build.status}`}); fix the errors above and run \`npm start\` again.`);
  process.exit(1);
}

// 2. Find a browser. Branded Google Chrome 137+ ignores --load-extension, so prefer Chromium.
const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
const executablePath = candidates.find((path) => existsSync(path));
if (process.env.CHROME_PATH && executablePath !== process.env.CHROME_PATH) {
  console.warn(`CHROME_PATH=${process.env.CHROME_PATH} does not exist; trying /usr/bin/chromium.`);
}
if (!executablePath) {
  console.error(`No Chromium found. Either:
  - on Debian/Ubuntu: apt-get install chromium
  - or set CHROME_PATH to a Chromium or Chrome for Testing binary.
(Branded Google Chrome 137+ ignores --load-extension, so it cannot be used here.)

${LOAD_BY_HAND}`);
  process.exit(1);
}

// 3. A visible browser needs a display; on a headless Linux box just explain what to do instead.
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`\nBuilt dist/, but there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set),
so no browser window can be opened here.

${LOAD_BY_HAND}

Once a display is available, run \`npm start\` again to open the demo webinar page with the extension loaded.`);
  process.exit(0);
}

// 4. Serve the demo on a stable port (so its origin, and the notes stored for it, stay the same), else any port.
const server = await startDemoServer(8787).catch(() => startDemoServer(0));
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: false,
  viewport: null, // use the real window size
  handleSIGINT: false, // we close the browser and the server ourselves, below
  handleSIGTERM: false,
  args: [
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
    '--no-first-run',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-features=Translate',
  ],
}).catch(async (error) => {
  await server.close();
  console.error(`Could not start ${executablePath}: ${error.message}`);
  process.exit(1);
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await context.close().catch(() => {});
  await server.close();
  process.exit(0);
}
// Closing the last window closes the context; either way, shut the server down too.
context.on('close', stop);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${server.origin}/`).catch((error) => {
  // Closing the window mid-load is not an error; stop() is already exiting.
  if (!stopping) console.warn(`Could not open the demo page: ${error.message}`);
});
console.log(`\nDemo webinar: ${server.origin}/ (extension loaded from ${dist})
Profile: ${profileDir}
Press Ctrl+C here, or close the browser, to stop.`);
