/** Saves `text` as a file through the browser's own download, from a user's click. */
export function downloadText(text: string, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The download has started by then; the blob need not outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
