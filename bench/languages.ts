import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePacks, type Checker, type Pack } from '../src/core/index';
import { detectLanguage } from '../src/core/text/language';
import { POST_LANGUAGES, type PostLanguage } from '../src/core/text/post-languages';
import { seededRandom, syntheticPack, syntheticTerms, withoutPerson } from './synthetic';
import { formatMs, recordTarget } from './targets';
import { EDIT_KINDS, measureTyping, percentile, type TypingResult } from './typing';

/**
 * Posts in other languages: how often the detector names a short post's language rightly (40
 * to 300 characters, the labelled corpora), what a detection costs, and a check while typing
 * a 3,000-character Spanish post against the 5,000-term pack whose every message is given in
 * five languages (so every finding asks for its sentence's language).
 */

const ROOT = path.join(import.meta.dirname, '..');

interface LabelledPost {
  text: string;
}

function corpusPosts(language: PostLanguage): string[] {
  if (language === 'en') {
    // The English corpus is one file per post, front matter between `---` lines, by network.
    const posts: string[] = [];
    for (const network of ['x', 'facebook', 'linkedin']) {
      const dir = path.join(ROOT, 'tests/corpus', network);
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
        const file = readFileSync(path.join(dir, name), 'utf8');
        posts.push(file.replace(/^---\n[\s\S]*?\n---\n/, '').trim());
      }
    }
    return posts;
  }
  const file = path.join(ROOT, 'tests/corpus-languages', language, 'posts.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as LabelledPost[]).map((post) => post.text);
}

interface Accuracy {
  language: PostLanguage;
  right: number;
  total: number;
  /** What the wrong ones were taken for. */
  wrong: Partial<Record<PostLanguage | 'unknown', number>>;
}

function detectionAccuracy(): { rows: Accuracy[]; microseconds: number[] } {
  const rows: Accuracy[] = [];
  const microseconds: number[] = [];
  for (const language of POST_LANGUAGES) {
    const posts = corpusPosts(language).filter((t) => t.length >= 40 && t.length <= 300);
    const row: Accuracy = { language, right: 0, total: posts.length, wrong: {} };
    for (const text of posts) {
      const started = performance.now();
      const found = detectLanguage(text);
      microseconds.push((performance.now() - started) * 1000);
      if (found === language) row.right += 1;
      else row.wrong[found ?? 'unknown'] = (row.wrong[found ?? 'unknown'] ?? 0) + 1;
    }
    rows.push(row);
  }
  return { rows, microseconds };
}

/** Every rule's message in the five languages, so that each finding detects its language. */
function translated(pack: Pack): Pack {
  return {
    ...pack,
    id: `${pack.id}-translated`,
    rules: pack.rules.map((rule) =>
      'kind' in rule && typeof rule.message === 'string'
        ? {
            ...rule,
            message: {
              default: rule.message,
              es: `ES ${rule.message}`,
              fr: `FR ${rule.message}`,
              de: `DE ${rule.message}`,
              pt: `PT ${rule.message}`,
            },
          }
        : rule,
    ),
  };
}

/**
 * A Spanish post of `length` characters: the Spanish corpus's posts with a term now and then,
 * in paragraphs as bench/synthetic.ts makes the English ones (a blank line after three posts
 * or more, one time in three).
 */
function spanishPost(length: number, terms: readonly string[], seed: number): string {
  const sentences = corpusPosts('es');
  const random = seededRandom(seed);
  let post = '';
  let inParagraph = 0;
  while (post.length < length) {
    const sentence = sentences[Math.floor(random() * sentences.length)] as string;
    const term = random() < 0.3 ? ` ${terms[Math.floor(random() * terms.length)]}.` : '';
    post += `${post === '' || post.endsWith('\n') ? '' : ' '}${sentence}${term}`;
    inParagraph += 1;
    if (inParagraph >= 3 && random() < 0.35) {
      post += '\n\n';
      inParagraph = 0;
    }
  }
  return post.slice(0, length);
}

const SPANISH_WORDS = (
  'hoy el equipo presentó una nueva versión y los clientes dicen que va mucho más rápida ' +
  'gracias a todos los que la probaron pronto aprendimos mucho sobre lo que la gente necesita'
).split(' ');

function compile(pack: Pack): Checker {
  const result = compilePacks([pack]);
  if (!result.ok)
    throw new Error(`benchmark pack does not compile: ${JSON.stringify(result.errors)}`);
  return result.value;
}

function printTypingRow(result: TypingResult): void {
  const cells = EDIT_KINDS.map((kind) => {
    const l = result.byKind[kind];
    return `${kind} ${formatMs(l.median)} / ${formatMs(l.p95)}`;
  });
  console.log(`  ${result.name}: ${cells.join('; ')} (median / p95)`);
}

export function runLanguageBenchmarks(): void {
  console.log(
    '\nLanguages: detection on the labelled posts of 40-300 characters (eld, the five languages only)',
  );
  const { rows, microseconds } = detectionAccuracy();
  for (const row of rows) {
    const wrong = Object.entries(row.wrong)
      .map(([taken, count]) => `${count} as ${taken}`)
      .join(', ');
    console.log(
      `  ${row.language}: ${row.right}/${row.total} right (${((row.right / row.total) * 100).toFixed(1)}%)${wrong ? `; ${wrong}` : ''}`,
    );
  }
  const sorted = [...microseconds].sort((a, b) => a - b);
  console.log(
    `  one detection: median ${percentile(sorted, 50).toFixed(0)} µs, p95 ${percentile(sorted, 95).toFixed(0)} µs (${sorted.length} posts)`,
  );

  const pack = translated(syntheticPack(5_000));
  const terms = syntheticTerms(5_000);
  const cases = [
    { name: '3000-char Spanish post, 5000 terms, messages in 5 languages', pack },
    {
      name: '3000-char Spanish post, 5000 terms, messages in 5 languages, no `person`',
      pack: withoutPerson(pack),
    },
  ];
  console.log('\nLanguages: typing a Spanish post (an edit before every check, every text new)');
  const results = cases.map((c, i) => {
    const result = measureTyping({
      name: c.name,
      checker: compile(c.pack),
      post: spanishPost(3_000, terms, 900 + i),
      network: 'linkedin',
      rounds: 100,
      minRounds: 20,
      budgetMs: 6_000,
      warmUp: 5,
      seed: 40 + i,
      words: SPANISH_WORDS,
    });
    printTypingRow(result);
    return result;
  });
  for (const result of results) {
    const worst = Math.max(...EDIT_KINDS.map((kind) => result.byKind[kind].median));
    recordTarget({
      issue: 16,
      target: `detection + check, ${result.name.replace('3000-char Spanish post, 5000 terms, messages in 5 languages', '3,000-char Spanish post vs 5,000 terms')}: median ≤ 1 ms`,
      measured: EDIT_KINDS.map((kind) => formatMs(result.byKind[kind].median)).join(' / '),
      met: worst <= 1,
    });
  }
}
