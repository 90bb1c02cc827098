import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compilePacks, type Checker, type Pack } from '../../src/core/index';
import type { EntityType } from '../../src/core/pack/schema';

/**
 * Recall and precision of the entities rule's phones, links and emails on the labelled
 * sets in tests/data. A found span counts only when it is exactly the labelled one.
 */

const DATA = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'data');

export function readData<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as T;
}

export interface Score {
  /** Labelled items, items found exactly, and everything the detector reported. */
  expected: number;
  found: number;
  reported: number;
  recall: number;
  precision: number;
  /** Labelled items that were missed, and reports that were not labelled. */
  missed: string[];
  extra: string[];
}

export function score(expected: number, found: number, reported: number): Score {
  return {
    expected,
    found,
    reported,
    recall: expected === 0 ? 1 : found / expected,
    precision: reported === 0 ? 1 : found / reported,
    missed: [],
    extra: [],
  };
}

const checkers = new Map<string, Checker>();

function checkerFor(types: EntityType[], regions: string[] | undefined): Checker {
  const key = `${types.join(',')}|${regions?.join(',') ?? ''}`;
  const cached = checkers.get(key);
  if (cached) return cached;
  const pack: Pack = {
    format: 'postguard/pack@1',
    id: 'eval',
    name: 'Evaluation',
    version: '1.0.0',
    rules: [
      {
        id: 'eval.entities',
        kind: 'entities',
        severity: 'warning',
        message: '{match}',
        entities: types,
        ...(regions ? { regions } : {}),
      },
    ],
    content: [],
  };
  const compiled = compilePacks([pack]);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  checkers.set(key, compiled.value);
  return compiled.value;
}

/** Spans [start, end) of `values` in `text`, each searched after the previous one. */
function spansOf(text: string, values: readonly string[]): string[] {
  let from = 0;
  return values.map((value) => {
    const at = text.indexOf(value, from);
    if (at < 0)
      throw new Error(`labelled ${JSON.stringify(value)} is not in ${JSON.stringify(text)}`);
    from = at + value.length;
    return `${at}:${at + value.length}`;
  });
}

interface Labelled {
  text: string;
  expected: string[];
  regions?: string[];
}

function measure(cases: readonly Labelled[], type: EntityType): Score {
  const result = score(0, 0, 0);
  let expected = 0;
  let found = 0;
  let reported = 0;
  for (const c of cases) {
    const want = new Set(spansOf(c.text, c.expected));
    const got = checkerFor([type], c.regions)
      .check(c.text, { network: 'linkedin' })
      .map((f) => ({ key: `${f.start}:${f.end}`, match: f.match }));
    expected += want.size;
    reported += got.length;
    for (const g of got) {
      if (want.has(g.key)) found++;
      else result.extra.push(`${g.match}  ←  ${c.text}`);
    }
    const gotKeys = new Set(got.map((g) => g.key));
    c.expected.forEach((value, i) => {
      if (!gotKeys.has([...want][i] as string)) result.missed.push(`${value}  ←  ${c.text}`);
    });
  }
  return { ...score(expected, found, reported), missed: result.missed, extra: result.extra };
}

interface PhoneCase {
  text: string;
  regions?: string[];
  phones: string[];
}

export function phoneScore(): Score {
  const { cases } = readData<{ cases: PhoneCase[] }>('phones.json');
  return measure(
    cases.map((c) => ({
      text: c.text,
      expected: c.phones,
      ...(c.regions ? { regions: c.regions } : {}),
    })),
    'phone',
  );
}

interface LinkCase {
  text: string;
  links?: string[];
  emails?: string[];
  notLink?: boolean;
}

export interface LinkScores {
  links: Score;
  emails: Score;
  /** Of the texts that hold no link, how many got one reported. */
  falseLinks: { texts: number; withLink: number; rate: number; examples: string[] };
}

export function linkScores(): LinkScores {
  const { cases } = readData<{ cases: LinkCase[] }>('links.json');
  const links = measure(
    cases.filter((c) => !c.notLink).map((c) => ({ text: c.text, expected: c.links ?? [] })),
    'url',
  );
  const emails = measure(
    cases.filter((c) => !c.notLink).map((c) => ({ text: c.text, expected: c.emails ?? [] })),
    'email',
  );
  const notLinks = cases.filter((c) => c.notLink);
  const examples: string[] = [];
  for (const c of notLinks) {
    const got = checkerFor(['url', 'email'], undefined).check(c.text, { network: 'linkedin' });
    if (got.length > 0) examples.push(`${got.map((f) => f.match).join(', ')}  ←  ${c.text}`);
  }
  return {
    links,
    emails,
    falseLinks: {
      texts: notLinks.length,
      withLink: examples.length,
      rate: examples.length / notLinks.length,
      examples,
    },
  };
}
