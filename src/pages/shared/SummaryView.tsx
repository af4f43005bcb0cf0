import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { newId } from '../../core/ids';
import { forumBase, newTopicUrl } from '../../core/discourse';
import { plainTextExport, renderExport, type ExportInput, type ForumPostOptions, type RenderedExport } from '../../core/export';
import { exportTitle } from '../../core/export/input';
import type { Settings } from '../../core/settings';
import { pictureCounts, picturesText } from '../../core/export/illustrated';
import { exportBackup } from '../../db/backup';
import { recordingImages } from '../../db/images';
import { saveSettings } from '../../db/settings';
import { errorText } from '../../core/error-text';
import { failedText } from '../../core/feedback-text';
import type { Toast } from './toast';
import { downloadText } from './download';
import { downloadIllustrated, type IllustratedFormat } from './illustrated-files';
import { useLiveQuery } from './live-query';
import type { RenderedFormat } from './RenderedMarkdown';
import { hasOthersNotes, teamExportInput } from '../../core/export/team';
import { t } from '../../core/i18n';
import { useTeamName } from './team-name';

const FORMATS = {
  forum: { label: 'Forum post (Discourse)', file: 'summary.md', type: 'text/markdown' },
  markdown: { label: 'Markdown', file: 'notes.md', type: 'text/markdown' },
  text: { label: 'Plain text', file: 'notes.txt', type: 'text/plain' },
  html: { label: 'HTML (rich paste)', file: 'notes.html', type: 'text/html' },
  chapters: { label: 'YouTube chapters', file: 'chapters.txt', type: 'text/plain' },
  vtt: { label: 'WebVTT', file: 'notes.vtt', type: 'text/vtt' },
  annotation: { label: 'W3C Web Annotation', file: 'notes.jsonld', type: 'application/ld+json' },
  backup: { label: 'JSON backup', file: 'backup.json', type: 'application/json' },
} as const;
type Format = keyof typeof FORMATS;

/** The formats shown rendered beside their text, and whose rendering the preview is. */
const READERS: Record<RenderedFormat, string> = {
  forum: 'as the forum shows it',
  markdown: 'as a Markdown reader shows it',
};

const rendersAs = (format: Format): RenderedFormat | null => (format === 'forum' || format === 'markdown' ? format : null);

type Renderer = typeof import('./RenderedMarkdown');
/**
 * The renderer once loaded. It waits for a preview to be wanted: markdown-it makes it a 104 kB
 * chunk, more than the panel's own code, which every video page loads.
 */
let loadedRenderer: Renderer | undefined;

/** The renderer module, loaded when first `wanted`; an Error if it could not load. */
function useRenderer(wanted: boolean): Renderer | Error | undefined {
  const [renderer, setRenderer] = useState<Renderer | Error | undefined>(loadedRenderer);
  useEffect(() => {
    if (!wanted || renderer) return;
    let live = true;
    import('./RenderedMarkdown').then(
      (module) => {
        loadedRenderer = module;
        if (live) setRenderer(module);
      },
      (error: unknown) => {
        if (live) setRenderer(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [wanted, renderer]);
  return renderer;
}

/** The summary post and every other export of this recording: pick, preview, copy, download. */
export function SummaryView({ input: everyone, settings, toast }: { input: ExportInput; settings: Settings; toast(toast: Toast): void }) {
  // A team folder's recording: everyone's notes, or only this browser's (core/export/team.ts).
  const [onlyMine, setOnlyMine] = useState(false);
  const teamName = useTeamName();
  const input = useMemo(() => teamExportInput(everyone, { onlyMine, myName: teamName ?? t('sync_teamMe') }), [everyone, onlyMine, teamName]);
  const [format, setFormat] = useState<Format>('forum');
  const [forum, setForum] = useState<ForumPostOptions>({ grouping: 'time', noteLinks: true, qaInDetails: true, mentions: false });
  const [backup, setBackup] = useState<string | null>(null);
  const [forumInput, setForumInput] = useState(settings.forumUrl);
  const [view, setView] = useState<'text' | 'rendered'>('rendered');
  const rendered = rendersAs(format);
  const renderer = useRenderer(rendered !== null);
  const ids = useId();
  const images = useLiveQuery(() => recordingImages(input.recording.key), [input.recording.key]);
  const pictures = useMemo(() => pictureCounts(input, images.state === 'ready' ? images.value : []), [input, images]);
  const [making, setMaking] = useState<IllustratedFormat | null>(null);

  useEffect(() => {
    if (format !== 'backup') return;
    let cancelled = false;
    void exportBackup({ recordingKey: input.recording.key }).then((data) => {
      if (!cancelled) setBackup(JSON.stringify(data, null, 2));
    });
    return () => {
      cancelled = true;
    };
  }, [format, input]);

  const output = useMemo<RenderedExport>(
    () =>
      format === 'backup'
        ? { text: backup ?? '', facts: [], warnings: [], leftOut: [], ok: backup !== null }
        : renderExport(format, input, {
            forum: { ...forum, pictures },
            annotation: { id: `urn:uuid:${newId()}`, generatedAt: new Date().toISOString() },
          }),
    [format, input, forum, backup, pictures],
  );

  const copy = async () => {
    try {
      if (format === 'html') {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([output.text], { type: 'text/html' }),
            'text/plain': new Blob([plainTextExport(input)], { type: 'text/plain' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(output.text);
      }
      toast({ text: `${FORMATS[format].label} copied.` });
    } catch {
      toast({ text: `The browser refused the clipboard here: use Download, or select the ${rendered ? 'Markdown under Text' : 'text'} and copy it.` });
    }
  };

  const download = () => downloadText(output.text, FORMATS[format].type, FORMATS[format].file);

  const downloadWithPictures = async (which: IllustratedFormat) => {
    if (images.state !== 'ready') return;
    setMaking(which);
    try {
      const skipped = await downloadIllustrated(which, input, images.value);
      if (skipped.length > 0) toast({ text: `${skipped.length === 1 ? '1 picture is not WebP or JPEG and was' : `${skipped.length} pictures are not WebP or JPEG and were`} left out (${skipped.join('; ')}).` });
    } catch (error) {
      toast({ text: `The file could not be made: ${errorText(error)}` });
    } finally {
      setMaking(null);
    }
  };

  const openTopic = () => {
    const base = forumBase(forumInput);
    if (!base) {
      toast({ text: 'Write the forum’s address first, such as forum.example.org.' });
      return;
    }
    if (base !== settings.forumUrl) saveSettings({ forumUrl: base }).catch((error: unknown) => toast({ text: failedText('saved', error) }));
    const url = newTopicUrl(base, exportTitle(input.recording), output.text);
    if (url) {
      window.open(url, '_blank', 'noopener');
      return;
    }
    // Too long for a URL: copy the post, open the forum, let the user paste.
    void navigator.clipboard.writeText(output.text).finally(() => window.open(`${base}/new-topic`, '_blank', 'noopener'));
    toast({ text: 'The post is too long for a link: it is copied, paste it into the new topic.' });
  };

  return (
    <div class="tab-body summary">
      <label class="stack">
        Format
        <select value={format} onChange={(event) => setFormat(event.currentTarget.value as Format)}>
          {Object.entries(FORMATS).map(([id, { label }]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {hasOthersNotes(everyone) && (
        <label>
          <input type="checkbox" checked={onlyMine} onChange={(event) => setOnlyMine(event.currentTarget.checked)} /> {t('sync_teamOnlyMine')}
        </label>
      )}
      {format === 'forum' && (
        <fieldset class="options">
          <legend>Forum post</legend>
          <label>
            <input
              type="radio"
              name="grouping"
              checked={forum.grouping === 'time'}
              onChange={() => setForum({ ...forum, grouping: 'time' })}
            />{' '}
            Key points in time order
          </label>
          <label>
            <input
              type="radio"
              name="grouping"
              checked={forum.grouping === 'speaker'}
              onChange={() => setForum({ ...forum, grouping: 'speaker' })}
            />{' '}
            Grouped by speaker
          </label>
          <label>
            <input type="checkbox" checked={forum.noteLinks} onChange={(e) => setForum({ ...forum, noteLinks: e.currentTarget.checked })} />{' '}
            Link every timestamp
          </label>
          <label>
            <input type="checkbox" checked={forum.qaInDetails} onChange={(e) => setForum({ ...forum, qaInDetails: e.currentTarget.checked })} />{' '}
            Q&A folded away
          </label>
          <label>
            <input type="checkbox" checked={forum.mentions} onChange={(e) => setForum({ ...forum, mentions: e.currentTarget.checked })} />{' '}
            @mention speakers
          </label>
        </fieldset>
      )}
      {output.facts.length > 0 && <p class="muted facts">{output.facts.join(' · ')}</p>}
      {output.warnings.map((warning) => (
        <p key={warning} class="warning" role="status">
          {warning}
        </p>
      ))}
      {output.leftOut.length > 0 && (
        <ul class="warning left-out" aria-label="Notes left out">
          {output.leftOut.map((line, i) => (
            // Two notes can read the same (same time, same first line): the index tells them apart.
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
        </ul>
      )}
      <div class="export-panes">
        <div class={`panes${rendered ? ' with-rendered' : ''}`} data-view={rendered ? view : 'text'}>
          {rendered && (
            <fieldset class="view-switch">
              <legend class="visually-hidden">Show</legend>
              <label>
                <input type="radio" name={`${ids}-view`} checked={view === 'text'} onChange={() => setView('text')} /> Text
              </label>
              <label>
                <input type="radio" name={`${ids}-view`} checked={view === 'rendered'} onChange={() => setView('rendered')} /> Preview
              </label>
            </fieldset>
          )}
          <label class="stack text-view">
            <span class="view-caption">Text</span>
            <textarea class="preview" readOnly rows={12} value={output.text} dir="auto" />
          </label>
          {rendered && (
            <div class="stack rendered-view">
              <span class="view-caption" id={`${ids}-rendered`}>
                Preview, {READERS[rendered]}
              </span>
              {/* A region of its own that scrolls: focusable, so a keyboard can scroll it too. */}
              <div class="rendered" role="region" aria-labelledby={`${ids}-rendered`} tabIndex={0}>
                {renderer instanceof Error ? (
                  <p class="error">The preview could not load: {renderer.message}</p>
                ) : renderer ? (
                  <renderer.RenderedMarkdown format={rendered} markdown={output.text} />
                ) : (
                  <p class="muted">Loading the preview…</p>
                )}
              </div>
            </div>
          )}
        </div>
      </div>
      <div class="row-end">
        <button type="button" disabled={!output.ok} onClick={download}>
          Download
        </button>
        <button type="button" class="primary" disabled={!output.ok} onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <section class="with-pictures" aria-labelledby={`${ids}-pictures`}>
        <h3 id={`${ids}-pictures`}>With pictures</h3>
        <p class="muted">
          {picturesText(pictures) ? `${picturesText(pictures)}, placed by time.` : 'No slides or frames yet: the files hold the notes alone.'}
        </p>
        <div class="row-end">
          <button type="button" disabled={images.state !== 'ready' || making !== null} onClick={() => void downloadWithPictures('markdown-zip')}>
            {making === 'markdown-zip' ? 'Making the zip…' : 'Markdown + images (.zip)'}
          </button>
          <button type="button" disabled={images.state !== 'ready' || making !== null} onClick={() => void downloadWithPictures('handout')}>
            {making === 'handout' ? 'Making the handout…' : 'Handout (.html)'}
          </button>
        </div>
      </section>
      {format === 'forum' && (
        <div class="stack new-topic">
          <label>
            Forum address <input type="text" placeholder="forum.example.org" value={forumInput} onInput={(e) => setForumInput(e.currentTarget.value)} />
          </label>
          <div class="row-end">
            <button type="button" onClick={openTopic}>
              Open as a new topic
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
