// The end-to-end harness: the built extension in Debian's Chromium, fixture pages served at the
// sites' real URLs, and helpers to drive their compose boxes. See tests/e2e/README.md.
export * from './support/boxes';
export * from './support/build';
export * from './support/chromium';
export * from './support/editor';
export * from './support/extension';
export * from './support/launch';
export * from './support/paths';
export * from './support/routes';
