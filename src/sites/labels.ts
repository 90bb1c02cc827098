// Label words kept per language as data (src/sites/data/*-labels.json). Only a fallback for
// structure: a site used in a language that is not listed still works where structure decides.

export type LabelTable<Purpose extends string> = Record<Purpose, Record<string, readonly string[]>>;

const folded = (text: string) => text.normalize('NFC').toLocaleLowerCase().trim();

/** Every word of a purpose, across the languages the table lists. */
function wordsOf(table: Record<string, readonly string[]>): string[] {
  return Object.values(table).flat().map(folded);
}

/** A matcher for labels that are, or start with, one of the purpose's words in any language. */
export function labelMatcher<Purpose extends string>(
  table: LabelTable<Purpose>,
): {
  is(purpose: Purpose, label: string | null): boolean;
  startsWith(purpose: Purpose, label: string | null): boolean;
} {
  const words = new Map<Purpose, string[]>();
  const of = (purpose: Purpose) => {
    let list = words.get(purpose);
    if (!list) words.set(purpose, (list = wordsOf(table[purpose])));
    return list;
  };
  return {
    is: (purpose, label) => label !== null && of(purpose).includes(folded(label)),
    startsWith(purpose, label) {
      if (label === null) return false;
      const text = folded(label);
      // A whole word: "Message" must not match "Messages from the team".
      return of(purpose).some(
        (word) =>
          text === word || (text.startsWith(word) && /[\s,.:…]/u.test(text[word.length] ?? '')),
      );
    },
  };
}
