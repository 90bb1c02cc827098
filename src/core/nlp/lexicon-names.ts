import nlp from 'compromise';
import { languagesOfCommonWord } from '../rules/tone/common-words';
import type { PostLanguage } from '../text/post-languages';
import type { NameSpan } from './tagger';

/**
 * People's names in a sentence written in Spanish, French, German or Portuguese, found
 * without compromise's tagger, which is English NLP: on the labelled posts in those four
 * languages it named 18 people, 11 of them wrongly ("nur", "allen Kunden", "IVA incluido",
 * "O pinto", "sens idiot"), and tagging a sentence costs about 0.4 ms an edit.
 *
 * Which sentences: those whose everyday words (the tone lists' `commonWords`, as
 * rules/tone/common-words.ts reads them) are of one of those languages, at least two of them
 * and more than the English ones (otherLanguageOf). That is a few microseconds a sentence,
 * where the detector takes 30 to 50 and would be asked of every English sentence typed; a
 * sentence without such evidence goes to compromise, as every sentence did before.
 *
 * A name here is a capitalised first name that compromise's lexicon knows (its MaleName,
 * FemaleName, FirstName and Person entries: 3,400 names, read without accents, so "María",
 * "José" and "João" are known), with the capitalised words after it (surnames, and the
 * particles between them: "María de la Cruz", "Ludwig van Beethoven"). A first name that is
 * also an everyday word of the sentence's language ("nur" in German) is not one; nor is a
 * word after "@" or "#" (a handle, which the post shows anyway).
 */

export type OtherLanguage = Exclude<PostLanguage, 'en'>;

const NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName', 'Person']);

let firstNames: ReadonlySet<string> | undefined;
let lexicon: Readonly<Record<string, unknown>> | undefined;

function compromiseLexicon(): Readonly<Record<string, unknown>> {
  lexicon ??=
    (nlp.world() as { model?: { one?: { lexicon?: Record<string, unknown> } } }).model?.one
      ?.lexicon ?? {};
  return lexicon;
}

function knownFirstNames(): ReadonlySet<string> {
  if (!firstNames) {
    firstNames = new Set(
      Object.entries(compromiseLexicon())
        .filter(
          ([word, tag]) => typeof tag === 'string' && NAME_TAGS.has(tag) && !word.includes(' '),
        )
        .map(([word]) => word),
    );
  }
  return firstNames;
}

/** Tags of words that may be a surname after "cliente": names, and organisations ("Dupont"). */
const SURNAME_TAGS = new Set([...NAME_TAGS, 'LastName', 'Organization']);

/**
 * Whether compromise's lexicon has `word` as something other than a name: "el cliente
 * Premium" and "der Kunde Service" name a kind of client, not a person.
 */
function knownAsNoName(word: string): boolean {
  const tag = compromiseLexicon()[plain(word)];
  return typeof tag === 'string' && !SURNAME_TAGS.has(tag);
}

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu;
const CAPITALISED = /^\p{Lu}(?:[\p{Ll}\p{M}'’-]|\p{Lu}[\p{Ll}])/u;

const OTHER_LANGUAGES: readonly OtherLanguage[] = ['de', 'es', 'fr', 'pt'];

/** How many of a sentence's words are everyday words of each language, English apart. */
export interface Evidence {
  english: number;
  others: Readonly<Record<OtherLanguage, number>>;
}

/** A sentence's first words are enough to tell; a widened piece can be a whole paste. */
const EVIDENCE_CHARACTERS = 400;

export function evidenceOf(text: string): Evidence {
  const others: Record<OtherLanguage, number> = { de: 0, es: 0, fr: 0, pt: 0 };
  let english = 0;
  for (const match of text.slice(0, EVIDENCE_CHARACTERS).matchAll(WORD)) {
    const languages = languagesOfCommonWord(match[0].toLowerCase().replaceAll('’', "'"));
    if (!languages) continue;
    // A word everyday in English too ("a", "son", "die") says nothing for the others.
    if (languages.includes('en')) english++;
    else for (const language of languages) if (language !== 'en') others[language]++;
  }
  return { english, others };
}

/** Fewer than two everyday words of any language: too little to tell by itself. */
export function weakEvidence(evidence: Evidence): boolean {
  return evidence.english + Math.max(...Object.values(evidence.others)) < 2;
}

/**
 * The language other than English that `evidence` says a sentence is in, among `languages`
 * (those the rule reads posts in), or undefined.
 */
export function otherLanguageOf(
  evidence: Evidence,
  languages: readonly PostLanguage[],
): OtherLanguage | undefined {
  let best: OtherLanguage | undefined;
  for (const language of OTHER_LANGUAGES) {
    if (!languages.includes(language)) continue;
    if (best === undefined || evidence.others[language] > evidence.others[best]) best = language;
  }
  if (best === undefined) return undefined;
  const hits = evidence.others[best];
  return hits >= 2 && hits > evidence.english ? best : undefined;
}

/**
 * Words that join a first name to its surname: "de la", "van", "dos". Lower case only; not
 * "y" or "e", which join two people more often than two surnames.
 */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'des',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
]);

/**
 * Titles before a surname, as each language writes them ("Herr Schmidt", "Sra. García",
 * "Mme Dubois", "Sr. Silva", and in running text "la señora García", "el sr. López",
 * "monsieur Martin", "a dona Maria"): the title and the capitalised words after it are a
 * name, the title included, as compromise reports "Ms. Chen". With a dot where the language
 * writes one.
 */
const TITLES: Readonly<Record<OtherLanguage, ReadonlySet<string>>> = {
  de: new Set(['Herr', 'Herrn', 'Frau', 'Dr.', 'Prof.']),
  es: new Set([
    'Sr.',
    'Sra.',
    'Srta.',
    'Don',
    'Doña',
    'Dr.',
    'Dra.',
    'Prof.',
    'sr.',
    'sra.',
    'srta.',
    'señor',
    'señora',
    'señorita',
    'don',
    'doña',
  ]),
  fr: new Set([
    'M.',
    'Mme',
    'Mme.',
    'Mlle',
    'Mlle.',
    'Dr',
    'Dr.',
    'Pr',
    'Pr.',
    'Prof.',
    'Monsieur',
    'Madame',
    'Mademoiselle',
    'monsieur',
    'madame',
    'mademoiselle',
  ]),
  pt: new Set([
    'Sr.',
    'Sra.',
    'Srta.',
    'Dr.',
    'Dra.',
    'Prof.',
    'sr.',
    'sra.',
    'senhor',
    'senhora',
    'dona',
  ]),
};

/** Words as `plain` reads them, from a list written as the language spells them. */
function plainWords(list: string): ReadonlySet<string> {
  return new Set(list.split(' ').map(plain));
}

/**
 * Offices a title may name instead of a person ("Herr Bürgermeister", "Frau Ministerin"), or
 * stand before the name with ("Frau Ministerin Schulze", "la señora ministra García"): alone
 * after a title they are no name; written in lower case, they may sit between the title and
 * the name.
 */
const OFFICES: Readonly<Record<OtherLanguage, ReadonlySet<string>>> = {
  de: plainWords(
    'bürgermeister bürgermeisterin minister ministerin direktor direktorin präsident präsidentin professor professorin doktor doktorin pfarrer pfarrerin kollege kollegin vorsitzender vorsitzende abgeordneter abgeordnete botschafter botschafterin',
  ),
  es: plainWords(
    'ministro ministra director directora presidente presidenta doctor doctora profesor profesora alcalde alcaldesa ingeniero ingeniera licenciado licenciada embajador embajadora diputado diputada',
  ),
  fr: plainWords(
    'ministre directeur directrice président présidente docteur docteure professeur professeure maire ambassadeur ambassadrice député députée',
  ),
  pt: plainWords(
    'ministro ministra diretor diretora presidente doutor doutora professor professora prefeito prefeita engenheiro engenheira embaixador embaixadora deputado deputada',
  ),
};

/**
 * Words for a person the post is about, before that person's surname ("der Kunde Müller", "el
 * cliente García", "le client Dupont", "o cliente Silva"): the capitalised word after one is a
 * name even when it is not a first name the lexicon knows. The word itself is not part of the
 * name. Singular only ("unsere Kunden Feedback" is no name).
 */
const PERSON_NOUNS: Readonly<Record<OtherLanguage, ReadonlySet<string>>> = {
  de: plainWords(
    'kunde kundin patient patientin mandant mandantin klient klientin kollege kollegin',
  ),
  es: plainWords('cliente clienta paciente compañero compañera colega'),
  fr: plainWords('client cliente patient patiente collègue'),
  pt: plainWords('cliente paciente colega'),
};

/** Articles that stand between a title and an office in French: "Madame la Ministre". */
const TITLE_ARTICLES: Partial<Record<OtherLanguage, ReadonlySet<string>>> = {
  fr: new Set(['le', 'la']),
};

/** Whether only spaces stand between two words (a title and its name are on one line). */
function spaced(text: string, first: Word, second: Word): boolean {
  return TITLE_GAP.test(text.slice(first.end, second.start));
}

/**
 * Past an office between a title and the name, from `at`, the word after the title: in lower
 * case ("la señora ministra García"), or after an article in any case ("Madame la Ministre
 * Dupont", "Monsieur le Maire"). The index of the word that may be the name: the office
 * itself when nothing follows it, and `at` when there is no office.
 */
function pastOffice(
  text: string,
  words: readonly Word[],
  at: number,
  language: OtherLanguage,
): number {
  let office = at;
  const first = words[at] as Word;
  if (TITLE_ARTICLES[language]?.has(first.text)) {
    const after = words[at + 1];
    if (!after || !spaced(text, first, after) || !OFFICES[language].has(plain(after.text)))
      return at;
    office = at + 1;
  } else if (CAPITALISED.test(first.text) || !OFFICES[language].has(plain(first.text))) {
    return at;
  }
  const name = words[office + 1];
  return name && spaced(text, words[office] as Word, name) ? office + 1 : office;
}

/** Where a title at `word` ends (its dot included), or undefined when it is none. */
function titleEnd(text: string, word: Word, language: OtherLanguage): number | undefined {
  const titles = TITLES[language];
  if (text.charAt(word.end) === '.' && titles.has(`${word.text}.`)) return word.end + 1;
  return titles.has(word.text) ? word.end : undefined;
}

/** Spaces only: a title and its name are on one line, with nothing between them. */
const TITLE_GAP = /^[ \u00A0]+$/;

function plain(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** Names in `text`, a sentence (or a few) in `language`, with offsets into `text`. */
export function findNamesByLexicon(text: string, language: OtherLanguage): NameSpan[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    words.push({ text: match[0], start, end: start + match[0].length });
  }
  const names = knownFirstNames();
  const found: NameSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    const before = text.charAt(word.start - 1);
    if (before === '@' || before === '#') continue;
    // Titles first ("Frau Dr. Keller", "M. Martin"), then the word they name, which need not
    // be a first name; or a word for a client, a patient or a colleague before a surname.
    let named = i;
    let nameStart = word.start;
    for (let end = titleEnd(text, word, language); end !== undefined; ) {
      const next = words[named + 1];
      if (!next || !TITLE_GAP.test(text.slice(end, next.start))) break;
      named += 1;
      end = titleEnd(text, next, language);
      if (end === undefined) named = pastOffice(text, words, named, language);
    }
    // Cheapest test first: most words are not followed by a capitalised one.
    const following = words[i + 1];
    const followsPersonNoun =
      named === i &&
      following !== undefined &&
      CAPITALISED.test(following.text) &&
      spaced(text, word, following) &&
      PERSON_NOUNS[language].has(plain(word.text));
    if (followsPersonNoun) {
      named = i + 1;
      nameStart = (words[named] as Word).start;
    }
    const name = words[named] as Word;
    const isName =
      named > i
        ? CAPITALISED.test(name.text) &&
          titleEnd(text, name, language) === undefined &&
          !(
            followsPersonNoun &&
            (OFFICES[language].has(plain(name.text)) || knownAsNoName(name.text))
          )
        : CAPITALISED.test(name.text) && names.has(plain(name.text));
    if (!isName || languagesOfCommonWord(name.text.toLowerCase())?.includes(language)) {
      // What stands between a title and that word (an article, an office) names nobody either:
      // "Monsieur le Maire a…" (Maire is also a first name).
      if (named > i + 1) i = named - 1;
      continue;
    }
    // The surname: capitalised words after it, particles between them, on the same line.
    let last = named;
    for (let j = named + 1; j < words.length; j++) {
      const next = words[j] as Word;
      if (/[\n.!?,;:()"]/.test(text.slice((words[j - 1] as Word).end, next.start))) break;
      if (CAPITALISED.test(next.text)) {
        last = j;
        continue;
      }
      if (!PARTICLES.has(next.text)) break;
    }
    // An office alone after a title ("Herr Bürgermeister") names nobody.
    if (last === named && named > i && OFFICES[language].has(plain(name.text))) continue;
    found.push({ start: nameStart, end: (words[last] as Word).end });
    i = last;
  }
  return found;
}
