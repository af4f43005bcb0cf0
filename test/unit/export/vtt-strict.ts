/** A strict WebVTT reader for the tests of every WebVTT export (notes, transcripts). */

export interface Cue { id: string; start: number; end: number; payload: string[] }

const TIMESTAMP = /^(\d{2,}):([0-5]\d):([0-5]\d)\.(\d{3})$/;
function seconds(text: string): number {
  const m = TIMESTAMP.exec(text);
  if (!m) throw new Error(`bad timestamp ${text}`);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 1000;
}

/** A strict reading of a WebVTT file as the spec's authoring rules require; throws on anything invalid. */
export function parseVtt(text: string): Cue[] {
  if (!/^WEBVTT(?:[ \t][^\n]*)?\n/.test(text)) throw new Error('no WEBVTT header');
  if (!text.endsWith('\n')) throw new Error('no final line break');
  const blocks = text.trimEnd().split('\n\n').slice(1);
  const cues = blocks.map((block) => {
    const [id = '', timing = '', ...payload] = block.split('\n');
    if (id.includes('-->') || id === '') throw new Error(`bad cue id ${id}`);
    const m = /^(\S+) --> (\S+)$/.exec(timing);
    if (!m) throw new Error(`bad timing line ${timing}`);
    const cue = { id, start: seconds(m[1] as string), end: seconds(m[2] as string), payload };
    if (!(cue.end > cue.start)) throw new Error(`cue ${id} does not end after it starts`);
    for (const line of payload) {
      if (line.trim() === '' || line.includes('-->')) throw new Error(`bad payload line in ${id}: ${line}`);
      // Outside our own voice tags, no raw < and no & that is not one of our references.
      const rest = line.replace(/^<v [^<>&\n]*(?:&(?:amp|lt|gt);[^<>&\n]*)*>/, '').replace(/<\/v>$/, '');
      if (/<|>|&(?!amp;|lt;|gt;)/.test(rest)) throw new Error(`unescaped text in ${id}: ${line}`);
    }
    return cue;
  });
  cues.forEach((cue, i) => {
    if (i > 0 && cue.start < (cues[i - 1] as Cue).start) throw new Error('cues out of order');
  });
  return cues;
}
