import * as z from 'zod';

/**
 * zod, configured before any schema is defined: every module takes `z` from here (ESLint
 * enforces it), so this runs first. zod compiles a fast path for object schemas with
 * `new Function` where it may, and probes for that when the first object schema is defined;
 * the probe is caught, but Chrome still reports it as a Content Security Policy violation
 * (the extension's CSP forbids eval) at every start of the worker and every extension page
 * opened. The fast path could never run there, and packs are parsed once when accepted, so
 * the CLI does without it too.
 */
z.config({ jitless: true });

export { z };
