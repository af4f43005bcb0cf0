/**
 * What a thrown value says, for people: every message that reports a failure (a form, a toast,
 * the backup's state, the CLI) reads the error through here.
 */

/**
 * An error's message; its name when the message is empty (a DOMException such as
 * `QuotaExceededError` may carry none); anything thrown that is not an Error, as text.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** The thrown value as an Error, for code that passes it on (a rejected promise, a query's state). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
