/** Saves text as a file through the browser's own download, from an extension page. */
export type SaveFile = (fileName: string, mimeType: string, text: string) => void;

export const saveFile: SaveFile = (fileName, mimeType, text) => {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has started the download, not before.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};
