// Types for find-chromium.mjs, which TypeScript code (the e2e harness, the demo) imports too.
export declare const NO_CHROMIUM_HINT: string;
/** The Chromium executable to drive, or undefined when there is none. */
export declare function findChromium(): string | undefined;
