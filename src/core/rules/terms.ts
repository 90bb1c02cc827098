import type { Suggestion } from '../findings';
import type { TermsRule } from '../pack/schema';
import { removeSuggestion, replaceSuggestion } from '../suggestions';
import { localDate } from '../dates';
import { inflections } from '../text/inflect';
import type { PostLanguage } from '../text/post-languages';
import {
  elidedStart,
  joinedKey,
  parsePhrase,
  PhraseMatcher,
  type ParsedPhrase,
  type PhraseHit,
} from '../text/phrases';
import { STEM_LANGUAGES, StemMatcher, type StemLanguage } from '../text/stem';
import type { RuleContext } from './types';
import { defineRule, type RuleHit } from './support/finding';

/**
 * `terms`: words and phrases that must not appear, or have a preferred form. Every form of
 * every term of the rule goes into one `PhraseMatcher`, so a pack with thousands of terms
 * costs one walk over the words of the post. Forms in Spanish, French, German and
 * Portuguese, which no list of forms could hold, are found by stem (`StemMatcher`).
 */

interface Term {
  /** The term as the pack wrote it. */
  term: string;
  replacements: string[];
}

/** The rule's terms, with `swap` entries merged in as terms that have a replacement. */
function collectTerms(rule: TermsRule): Term[] {
  const terms: Term[] = [];
  const byKey = new Map<string, Term>();
  const keyOf = (term: string) =>
    rule.case === 'sensitive' ? term.trim() : term.trim().toLowerCase();
  const add = (term: string, replacements: readonly string[]) => {
    const existing = byKey.get(keyOf(term));
    if (existing) {
      for (const r of replacements)
        if (!existing.replacements.includes(r)) existing.replacements.push(r);
      return;
    }
    const entry = { term, replacements: [...replacements] };
    byKey.set(keyOf(term), entry);
    terms.push(entry);
  };
  for (const entry of rule.terms ?? []) {
    if (typeof entry === 'string') add(entry, []);
    else add(entry.term, entry.suggest ?? []);
  }
  for (const [term, replacement] of Object.entries(rule.swap ?? {})) add(term, [replacement]);
  return terms;
}

/** Variants of a parsed term: inflections of its last word, and its words run together. */
function addVariants(matcher: PhraseMatcher<number>, parsed: ParsedPhrase, index: number): void {
  const { keys, words, prefix, suffix } = parsed;
  const lastWord = words[words.length - 1];
  if (!lastWord) return;
  const caseSensitive = matcher.caseSensitive;
  const asName = nounOnly(words, lastWord);
  for (const form of inflections(lastWord, asName)) {
    matcher.insert([...keys.slice(0, -1), joinedKey([form], caseSensitive)], index, prefix, suffix);
  }
  // "Project Falcon" → "ProjectFalcon", "projectfalcon", "#ProjectFalcon", "@projectfalcon"
  // (hyphens, underscores and hashes between the words are handled by the matcher).
  // Their inflections too, as the spaced phrase has them: "#ProjectFalcons".
  if (words.length > 1 && keys.length === words.length) {
    const lastForms = [lastWord, ...inflections(lastWord, asName)];
    for (const form of lastForms) {
      const joined = [...words.slice(0, -1), form];
      matcher.insert([joinedKey(joined, caseSensitive)], index, prefix, suffix);
      if (caseSensitive) {
        const pascal = joined.map((w) => w.charAt(0).toUpperCase() + w.slice(1));
        matcher.insert([joinedKey(pascal, true)], index, prefix, suffix);
      }
    }
  }
}

/** Whether a term's last word is inflected as a name (only its plural) or as any word. */
function nounOnly(words: readonly string[], lastWord: string): boolean {
  // A single lower-case word is inflected as a noun and a verb (leak → leaks, leaked,
  // leaking). A capitalised word is a name (a customer "Mark", a code name "Shell"): only
  // its plural, or "marking" and "shelled" would be flagged. In a longer phrase only the
  // plural of the last word makes sense ("data breaches").
  return words.length > 1 || /^\p{Lu}/u.test(lastWord);
}

/** Whether the rule, or else its pack, names German (not merely all languages by default). */
function germanDeclared(rule: TermsRule, context: RuleContext): boolean {
  return (rule.languages ?? context.pack.languages)?.includes('de') ?? false;
}

const LETTERS = /^\p{L}+$/u;
const LOWER = /^\p{Ll}+$/u;
const CAPITALISED = /^\p{Lu}\p{Ll}+$/u;
/** Shorter words are left as written: "sol" is not a form of anything worth stemming. */
const MIN_STEMMED_WORD = 4;

/**
 * The languages whose stemmer finds the forms of a term's last word, and whether it is read
 * as a German noun (`german`: the rule or its pack names German). Names stay as they are, as
 * in English:
 * - a lower-case word is a common word: its forms in every language in force ("fuga" →
 *   "fugas", "confidentiel" → "confidentielles", "vertraulich" → "vertraulichen");
 * - a capitalised word is a name ("Mark", "Shell", "Fuga" the product) and gets no stem
 *   forms, except in German, where every noun is capitalised: there a capitalised word is
 *   read as a noun ("Leck" → "Lecks", "Datenleck"), but only when the rule or its pack
 *   names German among its `languages`. A pack that does not say keeps its names as written
 *   in German sentences too ("Mark" never finds "Marken");
 * - anything else (acronyms, digits, punctuation around the term, very short words) stays
 *   as written.
 */
function stemReading(
  parsed: ParsedPhrase,
  inForce: readonly PostLanguage[],
  german: boolean,
): { languages: StemLanguage[]; noun: boolean } | undefined {
  const lastWord = parsed.words[parsed.words.length - 1];
  if (!lastWord || parsed.prefix || parsed.suffix) return undefined;
  if (lastWord.length < MIN_STEMMED_WORD || !LETTERS.test(lastWord)) return undefined;
  if (LOWER.test(lastWord)) {
    const languages = STEM_LANGUAGES.filter((language) => inForce.includes(language));
    return languages.length > 0 ? { languages, noun: false } : undefined;
  }
  if (CAPITALISED.test(lastWord) && german && inForce.includes('de')) {
    return { languages: ['de'], noun: true };
  }
  return undefined;
}

function addStems(
  stems: StemMatcher<number>,
  parsed: ParsedPhrase,
  index: number,
  inForce: readonly PostLanguage[],
  german: boolean,
): void {
  const reading = stemReading(parsed, inForce, german);
  const lastWord = parsed.words[parsed.words.length - 1];
  if (!reading || !lastWord) return;
  stems.add({
    word: lastWord,
    before: parsed.keys.slice(0, -1),
    value: index,
    ...reading,
    // Compounds are guessed, not parsed: only where the pack says its posts are German.
    compounds: german,
  });
}

/** Two lists of hits in text order, as one; neither overlaps the other. */
function merged(exact: PhraseHit<number>[], stemmed: PhraseHit<number>[]): PhraseHit<number>[] {
  if (stemmed.length === 0) return exact;
  if (exact.length === 0) return stemmed;
  return [...exact, ...stemmed].sort((a, b) => a.start - b.start);
}

const SPACES = /\s+/gu;

/**
 * The spellings a `swap` asks for, as the post would have them: each replacement as
 * written and with its last word inflected the way the term's is ("Harvest Tables"). A
 * hit spelled so is the preferred form already: "Harvest-Table" → "Harvest Table" matches
 * "Harvest Table" too (the words of a term may be spaced, hyphenated or joined), and
 * flagging it would offer to replace the text with itself.
 */
function preferredSpellings(rule: TermsRule): Set<string> {
  const spellings = new Set<string>();
  for (const replacement of Object.values(rule.swap ?? {})) {
    const written = replacement.trim().replace(SPACES, ' ');
    spellings.add(written);
    const { words } = parsePhrase(written, true);
    const lastWord = words[words.length - 1];
    if (!lastWord || !written.includes(lastWord)) continue;
    const at = written.lastIndexOf(lastWord);
    for (const form of inflections(lastWord, nounOnly(words, lastWord))) {
      spellings.add(written.slice(0, at) + form + written.slice(at + lastWord.length));
    }
  }
  return spellings;
}

/** A hit's text as a spelling to compare: without its `#` or `@`, spaces collapsed. */
function spellingOf(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/^[#@]/, '').replace(SPACES, ' ');
}

export const compileTermsRule = defineRule<TermsRule>((rule, context) => {
  const caseSensitive = rule.case === 'sensitive';
  const terms = collectTerms(rule);
  const preferred = preferredSpellings(rule);
  const matcher = new PhraseMatcher<number>(caseSensitive);
  const stems = new StemMatcher<number>(caseSensitive);
  const german = germanDeclared(rule, context);
  terms.forEach((term, index) => {
    const parsed = matcher.add(term.term, index);
    addVariants(matcher, parsed, index);
    addStems(stems, parsed, index, context.languages, german);
  });

  let exceptions: PhraseMatcher<true> | undefined;
  if (rule.exceptions && rule.exceptions.length > 0) {
    exceptions = new PhraseMatcher<true>(caseSensitive);
    for (const phrase of rule.exceptions) exceptions.add(phrase, true);
  }

  return (analysis, options) => {
    if (rule.until && localDate(options.now) >= rule.until) return [];
    const exact = matcher.match(analysis);
    let hits = merged(exact, stems.match(analysis, exact));
    if (hits.length === 0) return [];
    if (exceptions) {
      const allowed = exceptions.match(analysis);
      if (allowed.length > 0) {
        hits = hits.filter((hit) => !allowed.some((a) => a.start <= hit.start && hit.end <= a.end));
      }
    }
    const { text } = analysis;
    if (preferred.size > 0) {
      hits = hits.filter((hit) => !preferred.has(spellingOf(text, hit.start, hit.end)));
    }
    return hits.map((hit): RuleHit => {
      const term = terms[hit.value];
      const suggestions: Suggestion[] = (term?.replacements ?? []).map((r) =>
        replaceSuggestion(hit.start, hit.end, r),
      );
      suggestions.push(removeSuggestion(text, elidedStart(text, hit.start), hit.end));
      return { start: hit.start, end: hit.end, suggestions };
    });
  };
});
