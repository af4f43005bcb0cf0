/** Saves `text` as a file through the browser's own download, from a user's click. */
export function downloadText(text: string, type: string, filename: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** Saves `blob` as a file named `filename` through the browser's own download, from a user's click. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  // The download has started by then; the blob need not outlive it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
