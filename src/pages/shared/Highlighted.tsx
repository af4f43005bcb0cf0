import type { TextPart } from '../../core/search';

/** Text with its matches marked, built as elements: the text is never parsed as HTML. */
export function Highlighted({ parts }: { parts: readonly TextPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
