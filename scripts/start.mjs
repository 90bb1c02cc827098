// `npm start`: builds the extension and the fixture pages when needed, then shows Postguard on
// the three fixture sites: in a Chromium window when there is a display, else headless, saving
// .output/demo.png and printing the findings it saw. The demo lives in scripts/demo/run.ts;
// tsx loads it because it reuses the TypeScript e2e harness.
import { ensureDependencies } from './ensure-deps.mjs';

ensureDependencies();
// Imported only now: on a fresh clone tsx is not there until ensureDependencies has run.
const { tsImport } = await import('tsx/esm/api');
const { main } = await tsImport('./demo/run.ts', import.meta.url);
process.exitCode = await main();
