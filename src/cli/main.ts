/**
 * `webinar-notes export --format FORMAT BACKUP.json [--out FILE]`, `webinar-notes parse-qa FILE.txt`
 * and `webinar-notes sync --url URL --user NAME --password-file FILE BACKUP.json`.
 * Pure functions of their arguments and files, so tests call `main` directly.
 */
import { newId } from '../core/ids';
import { readFile, writeFile } from 'node:fs/promises';
import { parseBackupFile, type Backup, type ImportedImage } from '../core/backup';
import { EXPORT_FORMATS, renderExport, type ExportFormat, type ExportInput, type ForumPostOptions } from '../core/export';
import { handoutHtml } from '../core/export/handout';
import { type ExportImage, type IllustratedInput, pictureCounts } from '../core/export/illustrated';
import { markdownZip } from '../core/export/markdown-zip';
import { isLanguage, LANGUAGES, type Language } from '../core/i18n';
import { decodeTextFile } from '../core/text-file';
import { parseQaCommand } from './parse-qa';
import { syncBackupFile } from './sync';
import { DavError } from '../platform/webdav';
import { SyncFileError } from '../platform/sync-files';
import { SyncPassphraseError } from '../platform/sync-crypto';


/** Formats with pictures: files, not text for the terminal (the zip is binary), so they need --out. */
const FILE_FORMATS = ['markdown-zip', 'handout'] as const;
const ALL_FORMATS: readonly string[] = [...EXPORT_FORMATS, ...FILE_FORMATS];

export const USAGE = `Usage:
  webinar-notes export --format ${EXPORT_FORMATS.join('|')} [--recording KEY] [--lang ${LANGUAGES.join('|')}]
                       [--group speaker] [--no-links] [--no-details] [--mentions] [--out FILE] BACKUP.json
  webinar-notes export --format ${FILE_FORMATS.join('|')} [--recording KEY] [--lang ${LANGUAGES.join('|')}] --out FILE BACKUP.json
  webinar-notes parse-qa FILE.txt
  webinar-notes sync --url URL --user NAME --password-file FILE [--passphrase-file FILE] BACKUP.json
`;

interface Writer {
  write(text: string): unknown;
}

class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value.`);
  args.splice(index, 2);
  return value;
}

function flag(args: string[], name: string): boolean {
  const index = args.indexOf(name);
  if (index !== -1) args.splice(index, 1);
  return index !== -1;
}

function onlyFile(args: string[]): string {
  const unknown = args.filter((arg) => arg.startsWith('--'));
  if (unknown.length > 0) throw new UsageError(`Unknown option ${unknown[0]}.`);
  if (args.length !== 1 || !args[0]) throw new UsageError('Name exactly one file.');
  return args[0];
}

function pickRecording(backup: Backup, key: string | undefined): ExportInput {
  const keys = backup.recordings.map((r) => r.key);
  const chosen = key ?? (keys.length === 1 ? keys[0] : undefined);
  const recording = backup.recordings.find((r) => r.key === chosen);
  if (!recording) {
    throw new UsageError(
      keys.length === 0
        ? 'This backup holds no recording.'
        : key
          ? `No recording ${key} in this backup. It holds: ${keys.join(', ')}.`
          : `This backup holds ${keys.length} recordings; pick one with --recording KEY: ${keys.join(', ')}.`,
    );
  }
  return {
    recording,
    notes: backup.notes.filter((n) => n.recordingKey === recording.key),
    qa: backup.qa.filter((q) => q.recordingKey === recording.key),
  };
}

/** The backup's pictures of the chosen recording, as the exports take them. */
function imagesOf(images: readonly ImportedImage[], recordingKey: string): ExportImage[] {
  return images
    .filter((image) => image.recordingKey === recordingKey)
    .map(({ id, kind, t, noteId, width, height, data }) => ({ id, kind, t, ...(noteId !== undefined ? { noteId } : {}), width, height, bytes: data }));
}

/**
 * The language of the export's own words (`--lang`, English by default). The command line speaks
 * English, so its warnings stay English whatever the export's language.
 */
function exportLanguage(args: string[]): Language {
  const lang = option(args, '--lang') ?? 'en';
  if (!isLanguage(lang)) throw new UsageError(`Unknown language ${lang}; use one of ${LANGUAGES.join(', ')}.`);
  return lang;
}

/** Writes the zip or the handout of `input` to `file`; says on stderr what it left out. */
async function fileExport(format: (typeof FILE_FORMATS)[number], input: IllustratedInput, lang: Language, file: string, err: Writer): Promise<void> {
  const options = { lang, uiLang: 'en' } as const;
  if (format === 'markdown-zip') {
    const zip = await markdownZip(input, options);
    for (const line of zip.skipped) err.write(`warning: picture left out: ${line}\n`);
    await writeFile(file, zip.bytes);
    return;
  }
  const handout = handoutHtml(input, options);
  for (const line of handout.skipped) err.write(`warning: picture left out: ${line}\n`);
  await writeFile(file, handout.html);
}

async function exportCommand(args: string[], out: Writer, err: Writer): Promise<void> {
  const format = option(args, '--format') ?? 'forum';
  if (!ALL_FORMATS.includes(format)) {
    throw new UsageError(`Unknown format ${format}; use one of ${ALL_FORMATS.join(', ')}.`);
  }
  const key = option(args, '--recording');
  const lang = exportLanguage(args);
  const outFile = option(args, '--out');
  const fileFormat = (FILE_FORMATS as readonly string[]).includes(format) ? (format as (typeof FILE_FORMATS)[number]) : null;
  if (fileFormat && outFile === undefined) throw new UsageError(`--format ${format} writes a file: name it with --out FILE.`);
  const forum: ForumPostOptions = {
    grouping: option(args, '--group') === 'speaker' ? 'speaker' : 'time',
    noteLinks: !flag(args, '--no-links'),
    qaInDetails: !flag(args, '--no-details'),
    mentions: flag(args, '--mentions'),
  };
  const file = onlyFile(args);
  const parsed = parseBackupFile(await readFile(file));
  if (!parsed.ok) throw new UsageError(parsed.message);
  const input = pickRecording(parsed.backup, key);
  const images = imagesOf(parsed.images, input.recording.key);
  const problems = parsed.imageProblems.map((line) => `picture left out: ${line}`);
  if (fileFormat && outFile !== undefined) {
    for (const line of [...parsed.adjusted, ...parsed.captionFixes, ...problems]) err.write(`warning: ${line}\n`);
    await fileExport(fileFormat, { ...input, images }, lang, outFile, err);
    return;
  }
  const rendered = renderExport(format as ExportFormat, input, {
    lang,
    uiLang: 'en',
    // The post names the pictures of the handout the same backup makes.
    forum: { ...forum, pictures: pictureCounts(input, images) },
    annotation: { id: `urn:uuid:${newId()}`, generatedAt: new Date().toISOString() },
  });
  for (const line of [...parsed.adjusted, ...parsed.captionFixes]) err.write(`warning: ${line}\n`);
  if (!rendered.ok) throw new UsageError([rendered.warnings.join(' '), ...rendered.leftOut].join('\n'));
  for (const warning of [...rendered.warnings, ...rendered.leftOut]) err.write(`warning: ${warning}\n`);
  const text = rendered.text.endsWith('\n') ? rendered.text : `${rendered.text}\n`;
  if (outFile !== undefined) await writeFile(outFile, text);
  else out.write(text);
}

/**
 * The password comes from a file (its first line), never from the command line, where every user
 * of the machine could read it in the process list.
 */
async function syncCommand(args: string[], out: Writer, err: Writer): Promise<void> {
  const url = option(args, '--url');
  const user = option(args, '--user');
  const passwordFile = option(args, '--password-file');
  const passphraseFile = option(args, '--passphrase-file');
  if (!url || !user || !passwordFile) throw new UsageError('sync needs --url, --user and --password-file.');
  const file = onlyFile(args);
  const firstLine = async (name: string) => (await readTextFile(name)).split(/\r?\n/)[0] ?? '';
  const password = await firstLine(passwordFile);
  const passphrase = passphraseFile ? await firstLine(passphraseFile) : undefined;
  try {
    const lines = await syncBackupFile({ account: { url, user, password }, file, ...(passphrase ? { passphrase } : {}) });
    for (const line of lines) (line.startsWith('warning: ') ? err : out).write(`${line}\n`);
  } catch (error) {
    if (error instanceof DavError || error instanceof SyncFileError || error instanceof SyncPassphraseError) throw new UsageError(`${error.message} ${file} was not changed.`);
    throw error;
  }
}

/** A text file as the extension would read it (text-file.ts): a byte-order mark dropped, UTF-16 read. */
async function readTextFile(file: string): Promise<string> {
  const text = decodeTextFile(await readFile(file));
  if (text === null) throw new UsageError(`${file} is not UTF-8 text.`);
  return text;
}

/** Runs one command; returns the exit code (0 done, 1 bad input, 2 bad usage). */
export async function main(argv: readonly string[], out: Writer, err: Writer): Promise<number> {
  const [command, ...rest] = argv;
  const args = [...rest];
  try {
    if (command === 'export') await exportCommand(args, out, err);
    else if (command === 'sync') await syncCommand(args, out, err);
    else if (command === 'parse-qa') out.write(`${parseQaCommand(await readTextFile(onlyFile(args)))}\n`);
    else {
      err.write(command && command !== '--help' ? `Unknown command ${command}.\n${USAGE}` : USAGE);
      return command && command !== '--help' ? 2 : 0;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`webinar-notes: ${error.message}\n`);
      return error.message.startsWith('Unknown option') || error.message.startsWith('Name exactly') ? 2 : 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      err.write(`webinar-notes: cannot read ${(error as NodeJS.ErrnoException).path ?? 'the file'}.\n`);
      return 1;
    }
    throw error;
  }
}
