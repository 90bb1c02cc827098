import type { Edit } from './findings';

/** The text with a fix's edits made, as the editor would hold it after the fix. */
export function applyTextEdits(text: string, edits: readonly Edit[]): string {
  // From the end, so each edit's offsets still point at the text it was made for.
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of ordered) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
