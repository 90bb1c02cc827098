// Types for find-firefox.mjs, which TypeScript code (the e2e harness, the demo) imports too.
export declare const NO_FIREFOX_HINT: string;
/** The Firefox executable to drive, or undefined when there is none. */
export declare function findFirefox(): string | undefined;
