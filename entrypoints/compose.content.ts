import { defineContentScript } from 'wxt/utils/define-content-script';
import { SITE_MATCH_PATTERNS } from '@/src/sites';
import { startCompose } from '@/src/compose/main';

export default defineContentScript({
  // x.com, twitter.com, www.facebook.com, www.linkedin.com: from the site adapters.
  matches: [...SITE_MATCH_PATTERNS],
  runAt: 'document_idle',
  main(ctx) {
    startCompose(ctx);
  },
});
