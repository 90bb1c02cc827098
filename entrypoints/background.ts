// First: it marks the moment the bundle starts to run (see the module).
import '@/src/background/bundle-started';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/src/background/main';
import { isSiteUrl, SITE_MATCH_PATTERNS } from '@/src/sites';

export default defineBackground(() => {
  startBackground({ isSitePage: isSiteUrl, matchPatterns: SITE_MATCH_PATTERNS });
});
