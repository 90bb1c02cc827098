import { describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES } from '@/src/i18n/messages';

// formatNumber writes whole numbers below 1,000 without a formatter: each interface language,
// in the regions it is used in, must write them exactly so.
const REGIONS: Record<(typeof INTERFACE_LANGUAGES)[number], string[]> = {
  en: ['en', 'en-US', 'en-GB', 'en-IN'],
  es: ['es', 'es-ES', 'es-MX', 'es-419'],
  fr: ['fr', 'fr-FR', 'fr-CA', 'fr-CH'],
  de: ['de', 'de-DE', 'de-CH', 'de-AT'],
  pt: ['pt', 'pt-BR', 'pt-PT'],
};

describe('formatNumber’s plain counts', () => {
  for (const language of INTERFACE_LANGUAGES) {
    it(`are how ${language} writes 0 to 999`, () => {
      for (const locale of REGIONS[language]) {
        const format = new Intl.NumberFormat(locale);
        for (let n = 0; n < 1_000; n += 1) expect(format.format(n), locale).toBe(String(n));
      }
    });
  }
});
