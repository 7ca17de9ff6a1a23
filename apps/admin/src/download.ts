/** Saves a file the API sent as base64 (an export, a PDF) straight from memory, without another request. */
export function downloadBase64(filename: string, contentBase64: string, type: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  downloadBlob(filename, new Blob([bytes], { type }));
}

export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
