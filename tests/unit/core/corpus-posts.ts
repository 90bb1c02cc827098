import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return corpusFiles(full);
    return entry.name.endsWith('.txt') ? [full] : [];
  });
}

/** The labelled English corpus's posts (tests/corpus), without their front matter, in file order. */
export const CORPUS_POSTS: readonly string[] = corpusFiles(path.join(process.cwd(), 'tests/corpus'))
  .sort()
  .map((file) => readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''))
  .filter((text) => text.trim() !== '');

/** The labelled posts in Spanish, French, German and Portuguese (tests/corpus-languages). */
export const LANGUAGE_CORPUS_POSTS: readonly string[] = ['es', 'fr', 'de', 'pt'].flatMap(
  (language) =>
    (
      JSON.parse(
        readFileSync(
          path.join(process.cwd(), 'tests/corpus-languages', language, 'posts.json'),
          'utf8',
        ),
      ) as { text: string }[]
    ).map((post) => post.text),
);
