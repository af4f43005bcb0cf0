/**
 * Counts the work a synchronous call hands to the built-ins it leans on, with no clock: so a test
 * can say "twice the input, about twice the work" and mean it on any machine.
 *
 * Counted, in UTF-16 code units or array elements:
 * - every `RegExp.prototype.exec` (which `test`, `replace`, `split`, `match` and `matchAll` call
 *   once the method is replaced): the stretch it had to read, from where it started to the end of
 *   its match, or to the end of the text when nothing matched;
 * - `String.prototype.trim` and `split`, `Array.prototype.filter` and `join`: the length of what
 *   they were called on; `Array.prototype.slice`: the length of the copy it made.
 * A regular expression that backtracks within one `exec` is not seen: the benchmark times those.
 */
export function workOf(run: () => void): number {
  let units = 0;
  const exec = RegExp.prototype.exec;
  const lengthOf = (value: unknown) => (value as { length: number }).length;
  const counted = <T extends object>(owner: T, name: keyof T & string, ofResult = false) => {
    const original = owner[name] as (...args: unknown[]) => unknown;
    owner[name] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      units += lengthOf(ofResult ? result : this);
      return result;
    } as T[keyof T & string];
    return () => {
      owner[name] = original as T[keyof T & string];
    };
  };
  const restores = [
    counted(String.prototype, 'trim'),
    counted(String.prototype, 'split'),
    counted(Array.prototype, 'slice', true),
    counted(Array.prototype, 'filter'),
    counted(Array.prototype, 'join'),
  ];
  RegExp.prototype.exec = function (this: RegExp, text: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, text);
    units += 1 + (match ? match.index + match[0].length - from : this.sticky ? 0 : text.length - from);
    return match;
  };
  try {
    run();
  } finally {
    RegExp.prototype.exec = exec;
    for (const restore of restores) restore();
  }
  return units;
}
