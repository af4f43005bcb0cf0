// `npm run zip`: builds both targets, then writes the store packages
//   packages/webinar-notes-chrome-<version>.zip   (the contents of dist/)
//   packages/webinar-notes-firefox-<version>.zip  (the contents of dist-firefox/, packed by web-ext)
// with manifest.json at the root of each, and checks that it is there.
//
// Chrome is zipped with jszip (plain Node, no `zip` CLI needed on a fresh machine); Firefox with
// `web-ext build`, Mozilla's own packer, which AMO expects. `zipDirectory` is also used by the
// Firefox tests to pack dist-firefox as an .xpi.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
// A fixed time stamp on every entry: the same build gives the same bytes.
const STAMP = new Date('2000-01-01T00:00:00Z');

/** Every file under `dir`, as sorted paths relative to it; dotfiles are left out, as web-ext does. */
function filesUnder(dir) {
  const out = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Zips the contents of `dir` (not the folder itself) into `outFile`. */
export async function zipDirectory(dir, outFile) {
  const zip = new JSZip();
  // No folder entries (they would carry today's date): unzip tools create folders from the paths.
  for (const file of filesUnder(dir)) zip.file(file, readFileSync(join(dir, file)), { date: STAMP, createFolders: false });
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
  writeFileSync(outFile, data);
  return outFile;
}

/** The entries of a zip file, and its manifest.json if it has one at the root. */
export async function readPackage(file) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const entries = Object.keys(zip.files).filter((name) => !zip.files[name]?.dir).sort();
  const manifest = zip.file('manifest.json');
  return { entries, manifest: manifest ? JSON.parse(await manifest.async('string')) : null };
}

function run(command, args) {
  // STORE=1: the store packages leave out the demo's local hosts (see vite.config.ts).
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, STORE: '1' } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.error?.message ?? `exit ${result.status}`})`);
}

async function main() {
  const { version } = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8'));
  const out = join(root, 'packages');
  const chrome = join(out, `webinar-notes-chrome-${version}.zip`);
  const firefox = join(out, `webinar-notes-firefox-${version}.zip`);

  run('npm', ['run', 'build']);
  run('npm', ['run', 'build:firefox']);

  mkdirSync(out, { recursive: true });
  rmSync(chrome, { force: true });
  rmSync(firefox, { force: true });
  await zipDirectory(join(root, 'dist'), chrome);
  run(join(root, 'node_modules', '.bin', 'web-ext'), [
    'build',
    '--source-dir', join(root, 'dist-firefox'),
    '--artifacts-dir', out,
    '--filename', `webinar-notes-firefox-${version}.zip`,
    '--overwrite-dest',
    '--no-config-discovery',
  ]);

  for (const file of [chrome, firefox]) {
    const { entries, manifest } = await readPackage(file);
    if (!manifest) throw new Error(`${relative(root, file)} has no manifest.json at its root`);
    if (manifest.version !== version) throw new Error(`${relative(root, file)} holds version ${manifest.version}, not ${version}`);
    const local = (manifest.content_scripts ?? []).flatMap((s) => s.matches ?? []).filter((m) => /127\.0\.0\.1|localhost/.test(m));
    if (local.length > 0) throw new Error(`${relative(root, file)} still runs on ${local.join(', ')}`);
    console.log(`${relative(root, file)}: ${entries.length} files, manifest.json at the root, version ${manifest.version}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
