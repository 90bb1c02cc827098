import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCompose } from '@/src/compose/main';

export default defineContentScript({
  matches: [
    'https://x.com/*',
    'https://twitter.com/*',
    'https://www.facebook.com/*',
    'https://www.linkedin.com/*',
  ],
  runAt: 'document_idle',
  main(ctx) {
    startCompose(ctx);
  },
});
