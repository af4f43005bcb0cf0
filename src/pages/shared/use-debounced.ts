import { useEffect, useRef, useState } from 'preact/hooks';
import { debounce } from './debounce';

/**
 * `value` as it was once it stopped changing for `waitMs` (debounce.ts): what a slow derived view
 * (a preview) should follow while the user types. An action must not act on it: it may be behind
 * `value`, so compare the two and use `value` itself when they differ.
 */
export function useDebounced<T>(value: T, waitMs: number): T {
  const [settled, setSettled] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const [settle] = useState(() => debounce(() => setSettled(() => latest.current), waitMs));
  useEffect(() => {
    if (value !== settled) settle.request();
  }, [value, settled, settle]);
  useEffect(() => () => settle.cancel(), [settle]);
  return settled;
}
