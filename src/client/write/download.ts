/** Hands bytes made in the browser to the user as a file download; sizes as people read them. */

export function download(bytes: Uint8Array, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // revoked later: some browsers start reading the blob only after click() returns
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Whether a failure is a renderer chunk that is not cached yet while offline. */
export function isChunkLoadError(message: string): boolean {
  return /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(message);
}
