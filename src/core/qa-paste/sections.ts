/**
 * A whole summary post pasted, not just its Q&A: a "## Q&A" (or "Questions", "Questions and
 * answers") heading marks the part to split. The title, speakers and key points around it are
 * kept whole, each section as one unsplit item, so nothing is lost and nothing becomes a question.
 */

export interface Section {
  text: string;
  /** Split into questions; false: keep whole. */
  qa: boolean;
}

const HEADING = /^\s*(?:>\s*)*(#{1,6})\s(.*)$/;
const QA_TITLE = /^(?:q\s*&\s*a|q\s*and\s*a|questions?(?:\s*(?:&|and)\s*answers?)?)\s*(?:\(\d+\)\s*)?:?$/i;

export function splitSections(text: string): Section[] {
  const lines = text.split('\n');
  const headings = lines.flatMap((line, i) => {
    const m = HEADING.exec(line);
    if (!m) return [];
    const text = (m[2] ?? '').trim();
    const closing = /\s#+$/.exec(text); // "## Q&A ##"
    const title = (closing ? text.slice(0, closing.index) : text).replace(/[*_\\]/g, '').trim();
    return [{ i, level: (m[1] ?? '').length, qa: QA_TITLE.test(title) }];
  });
  const first = headings.find((h) => h.qa);
  if (!first) return [{ text, qa: true }];
  // The Q&A section runs to the next heading of its level or above; deeper ones are its own.
  const cuts = headings.filter((h) => h.i >= first.i && h.level <= first.level);
  const sections: Section[] = [];
  if (first.i > 0) sections.push({ text: lines.slice(0, first.i).join('\n'), qa: false });
  cuts.forEach((h, k) => {
    const end = cuts[k + 1]?.i ?? lines.length;
    // The "## Q&A" heading itself only says what follows.
    sections.push({ text: lines.slice(h.qa ? h.i + 1 : h.i, end).join('\n'), qa: h.qa });
  });
  return sections;
}
