/**
 * An HTML fragment for rich paste (docs, mail): the clipboard carries it as text/html beside the
 * plain text. Every string from the user goes through escapeHtml; every href is an http(s) URL
 * written by exportUrl, so a `javascript:` or `data:` address can never become a link, and no
 * markup survives when the HTML is pasted somewhere that turns it back into Markdown.
 */
import type { ExportInput } from './input';
import { NOT_ANSWERED, type OutlineQuestion, type OutlineTime, type Paragraphs, summaryOutline } from './outline';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

/** Typed text with its line breaks kept as <br>, and a blank line between paragraphs as a blank line. */
function lines(text: Paragraphs): string {
  return text.map((paragraph) => paragraph.map(escapeHtml).join('<br>')).join('<br><br>');
}

/** An <a> to `url` (from exportUrl or linkAt), or the label alone when there is none. */
function link(url: string | null, label: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

const time = (at: OutlineTime): string => link(at.url, at.label);

function qaHtml(item: OutlineQuestion): string {
  const at = item.at ? `${time(item.at)} ` : '';
  const asked = item.askedBy ? ` — asked by ${escapeHtml(item.askedBy)}` : '';
  const answerItems = item.answers.length === 0
    ? [`<li>${NOT_ANSWERED}</li>`]
    : item.answers.map((answer) => {
      const when = answer.at ? ` (${time(answer.at)})` : '';
      return `<li><strong>${escapeHtml(answer.by)}</strong>${when}: ${lines(answer.text)}</li>`;
    });
  return `<p><strong>${at}${lines(item.question)}</strong>${asked}</p>\n<ul>\n${answerItems.join('\n')}\n</ul>`;
}

/** The recording's notes and Q&A as an HTML fragment. */
export function htmlExport(input: ExportInput): string {
  const outline = summaryOutline(input);
  const out = [`<h1>${escapeHtml(outline.title)}</h1>`];
  if (outline.date) out.push(`<p>${escapeHtml(outline.date)}</p>`);
  for (const paragraph of outline.description) out.push(`<p>${lines([paragraph])}</p>`);
  if (outline.organiser) out.push(`<p>Hosted by ${escapeHtml(outline.organiser)}</p>`);
  if (outline.url) out.push(`<p>${link(outline.url, outline.url)}</p>`);

  if (outline.speakers.length > 0) {
    out.push('<h2>Speakers</h2>', '<ul>');
    for (const speaker of outline.speakers) {
      const rest = speaker.affiliation ? ` — ${escapeHtml(speaker.affiliation)}` : '';
      out.push(`<li><strong>${escapeHtml(speaker.name)}</strong>${rest}</li>`);
    }
    out.push('</ul>');
  }

  out.push('<h2>Notes</h2>');
  if (outline.notes.length === 0) out.push('<p>(no notes yet)</p>');
  else {
    out.push('<ul>');
    for (const note of outline.notes) {
      const who = note.speaker !== null ? ` <strong>${escapeHtml(note.speaker)}:</strong>` : '';
      const quote = note.quote.length > 0 ? `<blockquote>${note.quote.map((paragraph) => `<p>${lines([paragraph])}</p>`).join('')}</blockquote>` : '';
      out.push(`<li>${time(note.at)}${who} ${lines(note.text)}${quote}</li>`);
    }
    out.push('</ul>');
  }

  if (outline.qa.length > 0) out.push('<h2>Q&amp;A</h2>', ...outline.qa.map(qaHtml));
  return `${out.join('\n')}\n`;
}
