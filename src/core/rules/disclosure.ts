import type { Suggestion } from '../findings';
import type { DisclosureRule, Network } from '../pack/schema';
import { removeSuggestion } from '../suggestions';
import { languageAt } from '../text/language';
import { allWordings, hasTranslations, localize } from '../text/localized';
import type { PostLanguage } from '../text/post-languages';
import { joinedKey, PhraseMatcher } from '../text/phrases';
import { defineRule, insertSuggestion } from './support/finding';
import { expandOrg, orgNames } from './support/org';

/**
 * `disclosure`: a post that mentions the organisation must say the author works there,
 * early enough to be read before the network folds the post behind "see more" (the FTC's
 * Endorsement Guides call a disclosure behind "more" likely missed). One finding per post:
 * on the late marker when there is one, else an empty range where the fix would go.
 */

/** Characters shown before "see more"; X shows the whole post. */
const FOLD: Record<Network, number> = { linkedin: 210, facebook: 480, x: Number.POSITIVE_INFINITY };

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /\b(?:mr|mrs|ms|dr|st|vs|etc|inc|ltd|co|jr|sr|e\.g|i\.e)$/i;
const SENTENCE_END = /[.!?…]+[)\]"'’”]*(?=\s)|[ \t]*\n/g;

/** Adds each phrase, and its words run together ("I work at ACME" → "#IWorkAtACME"). */
function phraseMatcher(phrases: readonly string[]): PhraseMatcher<string> {
  const matcher = new PhraseMatcher<string>(false);
  for (const phrase of phrases) {
    const parsed = matcher.add(phrase, phrase);
    if (parsed.words.length > 1) matcher.insert([joinedKey(parsed.words, false)], phrase);
  }
  return matcher;
}

function foldLimit(within: DisclosureRule['within'], network: Network): number {
  if (typeof within === 'number') return within;
  return within?.[network] ?? FOLD[network];
}

const leadingSpace = (s: string) => s.length - s.trimStart().length;

/** `addition` with a space before it unless it goes at the start of a line or after one. */
function spaced(text: string, at: number, addition: string): string {
  const trimmed = addition.trimStart();
  if (at === 0 || /\s/.test(text.charAt(at - 1))) return trimmed;
  return /^\s/.test(addition) ? addition : ` ${trimmed}`;
}

/**
 * Where a marker goes so that it starts before `limit`: at the start (`fixAt: "start"`), at
 * the end when the end is still visible, or else at the end of the first sentence or line
 * that is; at the start when no sentence ends early enough.
 */
function placeMarker(
  text: string,
  marker: string,
  fixAt: 'start' | 'end',
  limit: number,
): { at: number; addition: string } {
  const atStart = { at: leadingSpace(text), addition: `${marker.trim()} ` };
  if (fixAt === 'start') return atStart;
  const end = text.trimEnd().length;
  const atEnd = spaced(text, end, marker);
  if (end + leadingSpace(atEnd) < limit) return { at: end, addition: atEnd };
  const contentStart = leadingSpace(text);
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const isLineEnd = m[0].endsWith('\n');
    const at = isLineEnd ? m.index : m.index + m[0].length;
    if (at <= contentStart) continue;
    if (!isLineEnd && m[0].startsWith('.') && continuesSentence(text, m.index, at)) continue;
    const addition = spaced(text, at, marker);
    if (at + leadingSpace(addition) >= limit) break;
    return { at, addition };
  }
  return atStart;
}

/** "e.g. the", "Dr. Smith": a full stop that does not end the sentence. */
function continuesSentence(text: string, dot: number, after: number): boolean {
  if (ABBREVIATION.test(text.slice(Math.max(0, dot - 4), dot))) return true;
  const next = /\S/.exec(text.slice(after, after + 8));
  return next !== null && /\p{Ll}/u.test(next[0]);
}

/** Why a marker after the fold does not count, in each language a message may be in. */
const HIDDEN_NOTE: Record<PostLanguage, (marker: string, limit: number) => string> = {
  en: (m, n) => `"${m}" is hidden behind "see more": it starts after the first ${n} characters.`,
  es: (m, n) =>
    `"${m}" queda oculto tras "ver más": empieza después de los primeros ${n} caracteres.`,
  fr: (m, n) =>
    `« ${m} » est caché derrière « voir plus » : il commence après les ${n} premiers caractères.`,
  de: (m, n) =>
    `„${m}“ ist hinter „mehr anzeigen“ versteckt: Es beginnt nach den ersten ${n} Zeichen.`,
  pt: (m, n) =>
    `"${m}" fica escondido atrás de "ver mais": começa depois dos primeiros ${n} caracteres.`,
};

export const compileDisclosureRule = defineRule<DisclosureRule>((rule, context) => {
  const names = orgNames(context);
  const triggers = phraseMatcher((rule.triggers ?? names).flatMap((t) => expandOrg(t, names)));
  // Any language's marker is a disclosure: a Spanish post that says "#ad" has said it.
  const markers = phraseMatcher(
    allWordings(rule.markers)
      .flat()
      .flatMap((m) => expandOrg(m, names)),
  );
  const fixAt = rule.fixAt ?? 'end';
  const firstName = names[0];
  const translated = [rule.message, rule.markers, rule.fix ?? ''].some(hasTranslations);

  /** What the fix adds in `language`: the pack's fix, else its first plain hashtag marker. */
  function fixTextIn(language: PostLanguage | undefined): string | undefined {
    if (rule.fix !== undefined) {
      const fix = localize(rule.fix, language);
      return firstName === undefined ? fix : fix.replaceAll('{org}', firstName);
    }
    const marker = localize(rule.markers, language).find(
      (m) => m.startsWith('#') && !m.includes('{org}'),
    );
    return marker === undefined ? undefined : ` ${marker}`;
  }

  return (analysis, options) => {
    const triggered = triggers.match(analysis)[0];
    if (!triggered) return [];
    const limit = foldLimit(rule.within, options.network);
    const found = markers.match(analysis);
    if (found.some((m) => m.start < limit)) return [];
    const { text } = analysis;
    // The sentence that brings up the organisation says which language the post is in.
    const language =
      options.language ?? (translated ? languageAt(analysis, triggered.start) : undefined);
    const message = localize(rule.message, language);
    const late = found[0];
    if (late) {
      const marker = text.slice(late.start, late.end);
      const { at, addition } = placeMarker(text, marker, fixAt, limit);
      const removal = removeSuggestion(text, late.start, late.end).edits;
      const move: Suggestion = {
        label: `Move "${marker}" up`,
        action: { verb: 'move-up', text: marker },
        edits: [{ start: at, end: at, text: addition }, ...removal],
      };
      const note = HIDDEN_NOTE[language ?? 'en'](marker, limit);
      return [
        {
          start: late.start,
          end: late.end,
          suggestions: [move],
          message: `${message} ${note}`,
        },
      ];
    }
    const fixText = fixTextIn(language);
    const { at, addition } = placeMarker(text, fixText ?? '', fixAt, limit);
    const suggestions = fixText === undefined ? [] : [insertSuggestion(at, addition)];
    return [{ start: at, end: at, suggestions, message }];
  };
});
