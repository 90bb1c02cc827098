import absolutes from '../../data/absolutes.json';
import acronyms from '../../data/acronyms.json';
import insults from '../../data/insults.json';
import negation from '../../data/negation.json';
import officialVoice from '../../data/official-voice.json';
import type { ToneLanguageData } from './languages';

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
  commonWords: [],
};
