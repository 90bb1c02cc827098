/**
 * Imported first by the background's entry point, so that it runs before any other module of
 * the bundle: the worker's start, its compile of the bundle and the evaluation of the rest
 * can be told apart in the benchmark (bench/browser.ts reads this mark).
 */
performance.mark('postguard:bundle-started');
