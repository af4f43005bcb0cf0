/**
 * The handout: one self-contained HTML file (pictures inline as `data:` URLs, its style inside, no
 * script) that reads well on screen and prints well, so the browser's "Save as PDF" makes a handout
 * of the webinar. Title, date, host, address, description and speakers; then the slides in time
 * order, each with the notes (and their quotes) taken while it was shown, a note's frames beside
 * it; then the Q&A. Every string from the user or a page goes through the HTML export's
 * `escapeHtml` and sits in an element with `dir="auto"`; every href is an http(s) URL from
 * exportUrl or linkAt; every picture's type is read from its bytes.
 */
import { bytesToBase64 } from '../base64';
import type { MessageKey, Translator } from '../i18n';
import { escapeHtml, htmlMessage } from './html';
import { illustratedOutline, type IllustratedInput, type PlacedImage } from './illustrated';
import { type ExportLanguage, exportWords } from './input';
import type { OutlineNote, OutlineQuestion, OutlineTime, Paragraphs } from './outline';

/** `lang`: the handout's own words (headings, labels, the date) and its `<html lang>`; `uiLang`: `skipped`. */
export type HandoutOptions = ExportLanguage;

export interface Handout {
  html: string;
  /** Pictures written. */
  images: number;
  /** Pictures left out, one line each (illustrated.ts `skipped`). */
  skipped: string[];
}

/**
 * Screen: a readable column. Print: A4 or Letter margins from @page, links in the text's colour,
 * a slide with its notes kept on one page where it fits (`break-inside: avoid`; a block taller than
 * a page still breaks, between notes, never inside one), a heading never last on a page.
 */
const STYLE = `
:root { color-scheme: light; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #fff; }
body { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; border-bottom: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 0 0 .5rem; color: #444; }
a { color: #0b57d0; }
.facts p { margin: .15rem 0; color: #444; }
.speakers { padding-left: 1.2rem; }
.block { margin: 0 0 1.5rem; padding: 0 0 1rem; border-bottom: 1px solid #e3e3e3; }
.slide { margin: 0 0 .75rem; }
.slide img { display: block; max-width: 100%; max-height: 60vh; height: auto; width: auto; border: 1px solid #ccc; }
.notes { list-style: none; margin: 0; padding: 0; }
.note { display: flex; gap: 1rem; align-items: flex-start; margin: 0 0 .75rem; }
.note-body { flex: 1 1 auto; min-width: 0; }
.note-body p { margin: 0; }
.time { font-variant-numeric: tabular-nums; font-weight: 600; margin-right: .4rem; }
.frames { flex: 0 0 auto; display: flex; flex-direction: column; gap: .5rem; max-width: 40%; }
.frames figure { margin: 0; }
.frames img { display: block; max-width: 100%; height: auto; border: 1px solid #ccc; }
figcaption { font-size: .8rem; color: #555; }
blockquote { margin: .35rem 0 0; padding-left: .75rem; border-left: 3px solid #bbb; color: #444; }
.qa-item { margin: 0 0 1rem; }
.qa-item > p { margin: 0; font-weight: 600; }
.qa-item ul { margin: .25rem 0 0; }
@media print {
  @page { margin: 16mm 14mm; }
  :root { font-size: 11pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  button, nav, .screen-only { display: none !important; }
  h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
  .block, .note, .qa-item, figure { break-inside: avoid; page-break-inside: avoid; }
  .slide img { max-height: 120mm; }
}
`;

/** Typed text with its line breaks kept as <br>, each paragraph its own <p dir="auto">. */
function paragraphsHtml(text: Paragraphs): string {
  return text.map((lines) => `<p dir="auto">${lines.map(escapeHtml).join('<br>')}</p>`).join('');
}

function timeHtml(at: OutlineTime): string {
  const label = escapeHtml(at.label);
  return at.url ? `<a class="time" href="${escapeHtml(at.url)}">${label}</a>` : `<span class="time">${label}</span>`;
}

function imgHtml(placed: PlacedImage): string {
  const { image, type, label } = placed;
  const src = `data:${type};base64,${bytesToBase64(image.bytes)}`;
  return `<img src="${src}" alt="${escapeHtml(label)}" width="${image.width}" height="${image.height}">`;
}

function noteHtml(note: OutlineNote, frames: readonly PlacedImage[]): string {
  const who = note.speaker !== null ? `<strong dir="auto">${escapeHtml(note.speaker)}:</strong> ` : '';
  const [first, ...rest] = note.text;
  // The time and speaker open the note's first paragraph, as in every other format.
  const text = `<p dir="auto">${timeHtml(note.at)}${who}${first ? first.map(escapeHtml).join('<br>') : ''}</p>${paragraphsHtml(rest)}`;
  const quote = note.quote.length > 0 ? `<blockquote>${paragraphsHtml(note.quote)}</blockquote>` : '';
  const pictures = frames.length > 0
    ? `<div class="frames">${frames.map((frame) => `<figure>${imgHtml(frame)}<figcaption>${escapeHtml(frame.label)}</figcaption></figure>`).join('')}</div>`
    : '';
  return `<li class="note"><div class="note-body">${text}${quote}</div>${pictures}</li>`;
}

function questionHtml(item: OutlineQuestion, words: Translator): string {
  const at = item.at ? `${timeHtml(item.at)} ` : '';
  const [first, ...rest] = item.question;
  const asker = `<span dir="auto">${escapeHtml(item.askedBy ?? '')}</span>`;
  const asked = item.askedBy ? ` <span class="asked">— ${htmlMessage(words, 'export_askedBy', asker)}</span>` : '';
  const question = `<p dir="auto">${at}${(first ?? []).map(escapeHtml).join('<br>')}${rest.length === 0 ? asked : ''}</p>${rest.length > 0 ? paragraphsHtml(rest) + asked : ''}`;
  const answers = item.answers.length === 0
    ? `<li>${escapeHtml(words.t('export_notAnswered'))}</li>`
    : item.answers.map((answer) => {
      const when = answer.at ? ` (${timeHtml(answer.at)})` : '';
      return `<li><strong dir="auto">${escapeHtml(answer.by)}</strong>${when}: ${paragraphsHtml(answer.text)}</li>`;
    }).join('');
  return `<div class="qa-item">${question}<ul>${answers}</ul></div>`;
}

/** The handout of a recording as one HTML document. */
export function handoutHtml(input: IllustratedInput, options: HandoutOptions = {}): Handout {
  const { words } = exportWords(options);
  const { outline, sections, images, skipped } = illustratedOutline(input, options);
  const heading = (key: MessageKey) => `<h2>${escapeHtml(words.t(key))}</h2>`;
  const out: string[] = [
    '<!DOCTYPE html>',
    `<html lang="${words.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing here loads from elsewhere or runs: the file is all there is.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(outline.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1 dir="auto">${escapeHtml(outline.title)}</h1>`,
    '<div class="facts">',
  ];
  if (outline.date) out.push(`<p class="date" dir="auto">${escapeHtml(outline.date)}</p>`);
  if (outline.organiser) out.push(`<p>${htmlMessage(words, 'export_hostedBy', `<span dir="auto">${escapeHtml(outline.organiser)}</span>`)}</p>`);
  if (outline.url) out.push(`<p><a href="${escapeHtml(outline.url)}">${escapeHtml(outline.url)}</a></p>`);
  out.push('</div>', paragraphsHtml(outline.description));
  if (outline.speakers.length > 0) {
    out.push(heading('export_speakers'), '<ul class="speakers">');
    for (const speaker of outline.speakers) {
      const rest = speaker.affiliation ? ` — <span dir="auto">${escapeHtml(speaker.affiliation)}</span>` : '';
      out.push(`<li><strong dir="auto">${escapeHtml(speaker.name)}</strong>${rest}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</header>', '<main>', heading(sections.some((s) => s.slide) ? 'export_slidesAndNotes' : 'export_notes'));
  if (sections.length === 0) out.push(`<p>${escapeHtml(words.t('export_noNotesYet'))}</p>`);
  for (const section of sections) {
    out.push('<section class="block">');
    if (section.slide) {
      out.push(`<figure class="slide">${imgHtml(section.slide)}<figcaption>${escapeHtml(section.slide.label)}</figcaption></figure>`);
    }
    if (section.notes.length > 0) out.push(`<ul class="notes">${section.notes.map(({ note, frames }) => noteHtml(note, frames)).join('')}</ul>`);
    out.push('</section>');
  }
  if (outline.qa.length > 0) out.push('<section class="qa">', heading('export_qa'), ...outline.qa.map((item) => questionHtml(item, words)), '</section>');
  out.push('</main>', '</body>', '</html>');
  return { html: `${out.join('\n')}\n`, images: images.length, skipped };
}
