import type { Plugin } from 'vite';

/**
 * twitter-text bundles core-js 2, whose `_global.js` finds the global object with
 * `window.Math == Math ? window : self.Math == Math ? self : Function('return this')()`.
 * In a Firefox content script `window` is an Xray wrapper, so `window.Math !== Math`, and
 * `Function` is refused by the extension's CSP: the engine threw `EvalError` on load and
 * Postguard never checked in Firefox. `globalThis` is the same object without eval, in every
 * browser Postguard supports.
 */
const CORE_JS_GLOBAL = /[\\/]core-js[\\/](?:library[\\/])?modules[\\/]_global\.js$/;
const FIND_GLOBAL = /Function\(['"]return this['"]\)\(\)/g;

export function coreJsGlobalThis(): Plugin {
  return {
    name: 'postguard:core-js-global-this',
    enforce: 'pre',
    transform(code, id) {
      if (!CORE_JS_GLOBAL.test(id)) return undefined;
      const replaced = code.replace(FIND_GLOBAL, 'globalThis');
      if (replaced === code) {
        this.error(`core-js changed: no Function('return this')() in ${id}`);
      }
      return { code: replaced, map: null };
    },
  };
}
