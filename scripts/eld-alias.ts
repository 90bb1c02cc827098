import path from 'node:path';

/**
 * eld's detector without the 60-language database its entry points load (its package exports
 * no other way in): src/core/text/language.ts gives it five languages' n-grams. wxt.config.ts
 * passes this alias to Vite and to the tsconfig paths that tsc, tsx and esbuild read;
 * vitest.config.ts to the test projects.
 */
export function eldDetectorAlias(root: string): Record<string, string> {
  return { 'eld-detector': path.join(root, 'node_modules/eld/src/languageDetector.js') };
}
