/**
 * Saving a file the hub made (base64 in a method's result) through the browser: a Blob and a download link. Exports
 * never name a path on the hub's machine (paths are refused over HTTP and IPC). In Electron the same link opens the
 * save dialog (the session's will-download): Blink hands a same-origin `<a download>` to LocalFrame::DownloadURL,
 * not to a navigation, so the navigation guard's will-navigate never sees it, and no CSP directive covers downloads.
 */

/** Bytes of a base64 string; a loop rather than Uint8Array.from(atob(s), fn), which is several times slower on large files. */
export function base64Bytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Saves bytes (or text) under `name`: the one download path of every screen (OCR, translation, audit exports). */
export function saveBytes(name: string, bytes: Uint8Array<ArrayBuffer> | string, mime: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
