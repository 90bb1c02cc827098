import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerEngine } from '@/src/compose/engine';
import { loadChecker, watchChecker } from '@/src/policy/checker';

// Injected by the background (scripting.executeScript) into the compose content script's
// isolated world on first use; see src/compose/engine-loader.ts.
export default defineUnlistedScript(() => {
  registerEngine({ loadChecker, watchChecker });
});
