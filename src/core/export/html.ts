/**
 * An HTML fragment for rich paste (docs, mail): the clipboard carries it as text/html beside the
 * plain text. Every string from the user goes through escapeHtml; every href is an http(s) URL
 * written by exportUrl, so a `javascript:` or `data:` address can never become a link, and no
 * markup survives when the HTML is pasted somewhere that turns it back into Markdown.
 */
import { linkAt } from '../links';
import type { QaItem, Recording } from '../model';
import { formatTime } from '../time';
import { exportUrl } from '../web-url';
import {
  answererName, type ExportInput, exportDate, exportTitle, liveNotes, liveQa, oneLine,
  paragraphs, speakerAffiliation, speakerById,
} from './input';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] as string);
}

/** Typed text with its line breaks kept as <br>, and a blank line between paragraphs as a blank line. */
function lines(typed: string): string {
  return paragraphs(typed).map((paragraph) => paragraph.map(escapeHtml).join('<br>')).join('<br><br>');
}

/** An <a> to `url` (from exportUrl or linkAt), or the label alone when there is none. */
function link(url: string | null, label: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

function time(recording: Recording, seconds: number): string {
  return link(linkAt(recording, seconds), formatTime(seconds));
}

function qaHtml(recording: Recording, item: QaItem): string {
  const at = item.t !== undefined ? `${time(recording, item.t)} ` : '';
  const asked = item.askedBy?.trim() ? ` — asked by ${escapeHtml(oneLine(item.askedBy))}` : '';
  const answers = item.answers.filter((answer) => answer.text.trim());
  const answerItems = answers.length === 0
    ? ['<li>(not answered)</li>']
    : answers.map((answer) => {
      const when = answer.t !== undefined ? ` (${time(recording, answer.t)})` : '';
      return `<li><strong>${escapeHtml(answererName(recording, answer))}</strong>${when}: ${lines(answer.text)}</li>`;
    });
  return `<p><strong>${at}${lines(item.question)}</strong>${asked}</p>\n<ul>\n${answerItems.join('\n')}\n</ul>`;
}

/** The recording's notes and Q&A as an HTML fragment. */
export function htmlExport(input: ExportInput): string {
  const { recording } = input;
  const date = exportDate(recording);
  const out = [`<h1>${escapeHtml(oneLine(exportTitle(recording)))}</h1>`];
  if (date) out.push(`<p>${escapeHtml(date)}</p>`);
  for (const paragraph of paragraphs(recording.details?.description ?? '')) {
    out.push(`<p>${paragraph.map(escapeHtml).join('<br>')}</p>`);
  }
  const organiser = recording.details?.organiser?.trim();
  if (organiser) out.push(`<p>Hosted by ${escapeHtml(oneLine(organiser))}</p>`);
  const url = exportUrl(recording.url);
  if (url) out.push(`<p>${link(url, url)}</p>`);

  const speakers = recording.speakers ?? [];
  if (speakers.length > 0) {
    out.push('<h2>Speakers</h2>', '<ul>');
    for (const speaker of speakers) {
      const affiliation = speakerAffiliation(speaker);
      const rest = affiliation ? ` — ${escapeHtml(oneLine(affiliation))}` : '';
      out.push(`<li><strong>${escapeHtml(oneLine(speaker.name) || 'Unnamed speaker')}</strong>${rest}</li>`);
    }
    out.push('</ul>');
  }

  const notes = liveNotes(input.notes);
  out.push('<h2>Notes</h2>');
  if (notes.length === 0) out.push('<p>(no notes yet)</p>');
  else {
    out.push('<ul>');
    for (const note of notes) {
      const speaker = speakerById(recording, note.speakerId);
      const who = speaker ? ` <strong>${escapeHtml(oneLine(speaker.name))}:</strong>` : '';
      out.push(`<li>${time(recording, note.t)}${who} ${lines(note.text)}</li>`);
    }
    out.push('</ul>');
  }

  const qa = liveQa(input.qa);
  if (qa.length > 0) out.push('<h2>Q&amp;A</h2>', ...qa.map((item) => qaHtml(recording, item)));
  return `${out.join('\n')}\n`;
}
