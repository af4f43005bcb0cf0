import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { newId } from '../../core/ids';
import { forumBase, newTopicUrl } from '../../core/discourse';
import { plainTextExport, renderExport, type ExportInput, type ForumPostOptions, type RenderedExport } from '../../core/export';
import { exportTitle } from '../../core/export/input';
import { LANGUAGES, plural, t, translator, uiLanguage, type Language, type MessageKey } from '../../core/i18n';
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
import { useLanguage } from './use-language';
import type { RenderedFormat } from './RenderedMarkdown';
import { hasOthersNotes, teamExportInput } from '../../core/export/team';
import { useTeamName } from './team-name';

/** Each format's name (a message key, read when shown, so a language switch changes it), file and type. */
const FORMATS = {
  forum: { label: 'summary_formatForum', file: 'summary.md', type: 'text/markdown' },
  markdown: { label: 'summary_formatMarkdown', file: 'notes.md', type: 'text/markdown' },
  text: { label: 'summary_formatText', file: 'notes.txt', type: 'text/plain' },
  html: { label: 'summary_formatHtml', file: 'notes.html', type: 'text/html' },
  chapters: { label: 'summary_formatChapters', file: 'chapters.txt', type: 'text/plain' },
  vtt: { label: 'summary_formatVtt', file: 'notes.vtt', type: 'text/vtt' },
  annotation: { label: 'summary_formatAnnotation', file: 'notes.jsonld', type: 'application/ld+json' },
  backup: { label: 'summary_formatBackup', file: 'backup.json', type: 'application/json' },
} as const satisfies Record<string, { label: MessageKey; file: string; type: string }>;
type Format = keyof typeof FORMATS;

/** The caption of each format's preview. */
const PREVIEW_CAPTIONS: Record<RenderedFormat, MessageKey> = {
  forum: 'summary_previewForum',
  markdown: 'summary_previewMarkdown',
};

/** A language's name in itself ("Türkçe"): the community's language is picked by its own name. */
const autonym = (lang: Language): string => translator(lang).t(`languageName_${lang}`);

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

/** What the pictures section says of the recording's pictures, in the pages' language. */
function picturesLine(pictures: { slides: number; frames: number }): string {
  const counted = picturesText(pictures, translator(uiLanguage()));
  return counted ? t('summary_picturesPlaced', counted) : t('summary_noPictures');
}

/**
 * The summary post and every other export of this recording: pick the format and the summary's
 * language (its own words; the controls stay in the pages' language), preview, copy, download.
 */
export function SummaryView({ input: everyone, settings, toast }: { input: ExportInput; settings: Settings; toast(toast: Toast): void }) {
  const pagesLanguage = useLanguage();
  // The summary's language: the last one picked on this device, else the pages'.
  const [picked, setPicked] = useState<Language | null>(settings.summaryLanguage);
  const lang = picked ?? pagesLanguage;
  // A team folder's recording: everyone's notes, or only this browser's (core/export/team.ts).
  const [onlyMine, setOnlyMine] = useState(false);
  const teamName = useTeamName();
  const input = useMemo(() => teamExportInput(everyone, { onlyMine, myName: teamName ?? translator(lang).t('sync_teamMe') }), [everyone, onlyMine, teamName, lang]);
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
            lang,
            uiLang: pagesLanguage,
            forum: { ...forum, pictures },
            annotation: { id: `urn:uuid:${newId()}`, generatedAt: new Date().toISOString() },
          }),
    [format, input, forum, backup, pictures, lang, pagesLanguage],
  );

  const pickLanguage = (next: Language) => {
    setPicked(next);
    saveSettings({ summaryLanguage: next }).catch((error: unknown) => toast({ text: failedText('saved', error) }));
  };

  const copy = async () => {
    try {
      if (format === 'html') {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/html': new Blob([output.text], { type: 'text/html' }),
            'text/plain': new Blob([plainTextExport(input, { lang })], { type: 'text/plain' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(output.text);
      }
      toast({ text: t('summary_copied', t(FORMATS[format].label)) });
    } catch {
      toast({ text: t(rendered ? 'summary_clipboardRefusedRendered' : 'summary_clipboardRefused') });
    }
  };

  const download = () => downloadText(output.text, FORMATS[format].type, FORMATS[format].file);

  const downloadWithPictures = async (which: IllustratedFormat) => {
    if (images.state !== 'ready') return;
    setMaking(which);
    try {
      const skipped = await downloadIllustrated(which, input, images.value, { lang, uiLang: pagesLanguage });
      if (skipped.length > 0) toast({ text: plural('summary_picturesSkipped', skipped.length, skipped.join('; ')) });
    } catch (error) {
      toast({ text: t('summary_fileFailed', errorText(error)) });
    } finally {
      setMaking(null);
    }
  };

  const openTopic = () => {
    const base = forumBase(forumInput);
    if (!base) {
      toast({ text: t('summary_forumAddressFirst') });
      return;
    }
    if (base !== settings.forumUrl) saveSettings({ forumUrl: base }).catch((error: unknown) => toast({ text: failedText('saved', error) }));
    const url = newTopicUrl(base, exportTitle(input.recording, lang), output.text);
    if (url) {
      window.open(url, '_blank', 'noopener');
      return;
    }
    // Too long for a URL: copy the post, open the forum, let the user paste.
    void navigator.clipboard.writeText(output.text).finally(() => window.open(`${base}/new-topic`, '_blank', 'noopener'));
    toast({ text: t('summary_tooLongForLink') });
  };

  return (
    <div class="tab-body summary">
      <div class="summary-choices">
        <label class="stack">
          {t('summary_format')}
          <select value={format} onChange={(event) => setFormat(event.currentTarget.value as Format)}>
            {Object.entries(FORMATS).map(([id, { label }]) => (
              <option key={id} value={id}>
                {t(label)}
              </option>
            ))}
          </select>
        </label>
        <label class="stack summary-language">
          {t('summary_language')}
          <select value={lang} onChange={(event) => pickLanguage(event.currentTarget.value as Language)}>
            {LANGUAGES.map((id) => (
              <option key={id} value={id} lang={id}>
                {autonym(id)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {hasOthersNotes(everyone) && (
        <label>
          <input type="checkbox" checked={onlyMine} onChange={(event) => setOnlyMine(event.currentTarget.checked)} /> {t('sync_teamOnlyMine')}
        </label>
      )}
      {format === 'forum' && (
        <fieldset class="options">
          <legend>{t('summary_forumOptions')}</legend>
          <label>
            <input
              type="radio"
              name="grouping"
              checked={forum.grouping === 'time'}
              onChange={() => setForum({ ...forum, grouping: 'time' })}
            />{' '}
            {t('summary_byTime')}
          </label>
          <label>
            <input
              type="radio"
              name="grouping"
              checked={forum.grouping === 'speaker'}
              onChange={() => setForum({ ...forum, grouping: 'speaker' })}
            />{' '}
            {t('summary_bySpeaker')}
          </label>
          <label>
            <input type="checkbox" checked={forum.noteLinks} onChange={(e) => setForum({ ...forum, noteLinks: e.currentTarget.checked })} />{' '}
            {t('summary_linkTimestamps')}
          </label>
          <label>
            <input type="checkbox" checked={forum.qaInDetails} onChange={(e) => setForum({ ...forum, qaInDetails: e.currentTarget.checked })} />{' '}
            {t('summary_qaFolded')}
          </label>
          <label>
            <input type="checkbox" checked={forum.mentions} onChange={(e) => setForum({ ...forum, mentions: e.currentTarget.checked })} />{' '}
            {t('summary_mentions')}
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
        <ul class="warning left-out" aria-label={t('summary_notesLeftOut')}>
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
              <legend class="visually-hidden">{t('summary_show')}</legend>
              <label>
                <input type="radio" name={`${ids}-view`} checked={view === 'text'} onChange={() => setView('text')} /> {t('summary_text')}
              </label>
              <label>
                <input type="radio" name={`${ids}-view`} checked={view === 'rendered'} onChange={() => setView('rendered')} /> {t('summary_preview')}
              </label>
            </fieldset>
          )}
          <label class="stack text-view">
            <span class="view-caption">{t('summary_text')}</span>
            <textarea class="preview" readOnly rows={12} value={output.text} dir="auto" />
          </label>
          {rendered && (
            <div class="stack rendered-view">
              <span class="view-caption" id={`${ids}-rendered`}>
                {t(PREVIEW_CAPTIONS[rendered])}
              </span>
              {/* A region of its own that scrolls: focusable, so a keyboard can scroll it too. */}
              <div class="rendered" role="region" aria-labelledby={`${ids}-rendered`} tabIndex={0}>
                {renderer instanceof Error ? (
                  <p class="error">{t('summary_previewFailed', renderer.message)}</p>
                ) : renderer ? (
                  <renderer.RenderedMarkdown format={rendered} markdown={output.text} />
                ) : (
                  <p class="muted">{t('summary_previewLoading')}</p>
                )}
              </div>
            </div>
          )}
        </div>
      </div>
      <div class="row-end">
        <button type="button" disabled={!output.ok} onClick={download}>
          {t('summary_download')}
        </button>
        <button type="button" class="primary" disabled={!output.ok} onClick={() => void copy()}>
          {t('summary_copy')}
        </button>
      </div>
      <section class="with-pictures" aria-labelledby={`${ids}-pictures`}>
        <h3 id={`${ids}-pictures`}>{t('summary_withPictures')}</h3>
        <p class="muted">{picturesLine(pictures)}</p>
        <div class="row-end">
          <button type="button" disabled={images.state !== 'ready' || making !== null} onClick={() => void downloadWithPictures('markdown-zip')}>
            {t(making === 'markdown-zip' ? 'summary_makingZip' : 'summary_zip')}
          </button>
          <button type="button" disabled={images.state !== 'ready' || making !== null} onClick={() => void downloadWithPictures('handout')}>
            {t(making === 'handout' ? 'summary_makingHandout' : 'summary_handout')}
          </button>
        </div>
      </section>
      {format === 'forum' && (
        <div class="stack new-topic">
          <label>
            {t('summary_forumAddress')} <input type="text" placeholder={t('summary_forumPlaceholder')} value={forumInput} onInput={(e) => setForumInput(e.currentTarget.value)} />
          </label>
          <div class="row-end">
            <button type="button" onClick={openTopic}>
              {t('summary_openTopic')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
