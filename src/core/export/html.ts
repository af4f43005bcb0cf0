/**
 * An HTML fragment for rich paste (docs, mail): the clipboard carries it as text/html beside the
 * plain text. Every string from the user goes through escapeHtml; every href is an http(s) URL
 * written by exportUrl, so a `javascript:` or `data:` address can never become a link, and no
 * markup survives when the HTML is pasted somewhere that turns it back into Markdown. Every element
 * holding user text has `dir="auto"`, so a note in Arabic or Hebrew reads right to left in a
 * left-to-right document. `dir="auto"` takes the first strong character outside descendants with a
 * `dir` of their own, so a note's or answer's line takes its direction from its text, not from the
 * speaker's name (isolated in its own `dir="auto"`) or the time before it (digits are weak).
 */
import type { MessageKey, Translator } from '../i18n';
import { type ExportInput, type ExportLanguage, exportWords } from './input';
import { type OutlineQuestion, type OutlineTime, type Paragraphs, summaryOutline } from './outline';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

/**
 * A message of the catalogue as HTML: its own words escaped, each substitution put in as the HTML
 * it already is (private-use characters hold their places while the words are escaped).
 */
export function htmlMessage(words: Translator, key: MessageKey, ...html: string[]): string {
  const marks = html.map((_, i) => String.fromCharCode(0xe000 + i));
  return escapeHtml(words.t(key, ...marks)).replace(/[\ue000-\ue0ff]/g, (mark) => html[mark.charCodeAt(0) - 0xe000] ?? '');
}

/** User text inside a line of the export's own words, its direction its own. */
export const userSpan = (html: string): string => `<span dir="auto">${html}</span>`;

/** Typed text with its line breaks kept as <br>, and a blank line between paragraphs as a blank line. */
function lines(text: Paragraphs): string {
  return text.map((paragraph) => paragraph.map(escapeHtml).join('<br>')).join('<br><br>');
}

/** An <a> to `url` (from exportUrl or linkAt), or the label alone when there is none. */
function link(url: string | null, label: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

const time = (at: OutlineTime): string => link(at.url, at.label);

function qaHtml(item: OutlineQuestion, words: Translator): string {
  const at = item.at ? `${time(item.at)} ` : '';
  const asked = item.askedBy ? ` — ${htmlMessage(words, 'export_askedBy', userSpan(escapeHtml(item.askedBy)))}` : '';
  const answerItems = item.answers.length === 0
    ? [`<li>${escapeHtml(words.t('export_notAnswered'))}</li>`]
    : item.answers.map((answer) => {
      const when = answer.at ? ` (${time(answer.at)})` : '';
      return `<li dir="auto"><strong dir="auto">${escapeHtml(answer.by)}</strong>${when}: ${lines(answer.text)}</li>`;
    });
  return `<p dir="auto"><strong>${at}${lines(item.question)}</strong>${asked}</p>\n<ul>\n${answerItems.join('\n')}\n</ul>`;
}

/** The recording's notes and Q&A as an HTML fragment, its own words in `lang`. */
export function htmlExport(input: ExportInput, options: ExportLanguage = {}): string {
  const { words } = exportWords(options);
  const outline = summaryOutline(input, words.lang);
  const heading = (key: MessageKey) => `<h2>${escapeHtml(words.t(key))}</h2>`;
  const out = [`<h1 dir="auto">${escapeHtml(outline.title)}</h1>`];
  if (outline.date) out.push(`<p dir="auto">${escapeHtml(outline.date)}</p>`);
  for (const paragraph of outline.description) out.push(`<p dir="auto">${lines([paragraph])}</p>`);
  if (outline.organiser) out.push(`<p>${htmlMessage(words, 'export_hostedBy', userSpan(escapeHtml(outline.organiser)))}</p>`);
  if (outline.url) out.push(`<p>${link(outline.url, outline.url)}</p>`);

  if (outline.speakers.length > 0) {
    out.push(heading('export_speakers'), '<ul>');
    for (const speaker of outline.speakers) {
      const rest = speaker.affiliation ? ` — ${userSpan(escapeHtml(speaker.affiliation))}` : '';
      out.push(`<li><strong dir="auto">${escapeHtml(speaker.name)}</strong>${rest}</li>`);
    }
    out.push('</ul>');
  }

  out.push(heading('export_notes'));
  if (outline.notes.length === 0) out.push(`<p>${escapeHtml(words.t('export_noNotesYet'))}</p>`);
  else {
    out.push('<ul>');
    for (const note of outline.notes) {
      const who = note.speaker !== null ? ` <strong dir="auto">${escapeHtml(note.speaker)}:</strong>` : '';
      const quote = note.quote.length > 0 ? `<blockquote>${note.quote.map((paragraph) => `<p dir="auto">${lines([paragraph])}</p>`).join('')}</blockquote>` : '';
      out.push(`<li dir="auto">${time(note.at)}${who} ${lines(note.text)}${quote}</li>`);
    }
    out.push('</ul>');
  }

  if (outline.qa.length > 0) out.push(heading('export_qa'), ...outline.qa.map((item) => qaHtml(item, words)));
  return `${out.join('\n')}\n`;
}
