import absolutes from '../../data/absolutes.json';
import acronyms from '../../data/acronyms.json';
import insults from '../../data/insults.json';
import negation from '../../data/negation.json';
import officialVoice from '../../data/official-voice.json';
import type { ToneLanguageData } from './languages';

/**
 * Short everyday English words, none of them a common word of Spanish, French, German or
 * Portuguese too (so not "a", "me", "no", "so", "was", "die", "on"), nor an insult word of
 * theirs: they tell an English sentence from one in those languages where the detector has
 * too few letters to go on ("You retard" against "en retard").
 */
const ENGLISH_COMMON_WORDS = [
  'the',
  'you',
  'your',
  "you're",
  'i',
  "i'm",
  'he',
  'she',
  'they',
  'we',
  'it',
  "it's",
  'is',
  'are',
  'were',
  'be',
  'being',
  'been',
  'this',
  'that',
  'these',
  'those',
  'what',
  'who',
  'such',
  'of',
  'and',
  'to',
  'for',
  'with',
  'not',
  "don't",
  'like',
  'just',
  'my',
  'his',
  'her',
  'their',
  'our',
  'him',
  'them',
  'us',
  'have',
  'has',
  'had',
  'all',
  'at',
  'an',
  'up',
  'out',
  'from',
  'there',
  'here',
  'some',
  'stop',
  'shut',
  'get',
  'got',
  'lol',
];

/**
 * English's tone lists in the shape of the other languages' (languages.ts), read by the
 * same checks. English keeps its own files (src/core/data/*.json), which predate the
 * others; its swear words are cuss's (profanity.ts), not a list here.
 */
export const ENGLISH: ToneLanguageData = {
  insult: {
    nouns: insults.nouns,
    judgements: insults.judgements,
    adjectives: insults.adjectives,
    targets: insults.targets,
    directTargets: insults.directTargets,
    directCopulas: [],
    contractedCopulas: ["'re", "'s"],
    copulas: insults.copulas,
    openers: insults.openers,
    fillers: insults.fillers,
    followers: insults.followers,
    selfAfter: ["i'm", "i've", 'i am', 'i was', 'i feel', 'i felt'],
    negationBeforeTarget: 'asks',
    elisions: [],
  },
  absolutes: absolutes.phrases,
  officialVoice: { ...officialVoice, fix: 'Views are my own.' },
  negation: { ...negation, cueEndings: ["n't"] },
  acronyms: acronyms.acronyms,
  commonWords: ENGLISH_COMMON_WORDS,
};
