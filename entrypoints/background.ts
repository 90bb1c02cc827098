import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '@/src/background/main';
import { isSiteUrl } from '@/src/sites';

export default defineBackground(() => {
  startBackground({ isSitePage: isSiteUrl });
});
