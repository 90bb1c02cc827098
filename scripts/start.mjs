// `npm start`: builds the extension and the fixture pages when needed, then shows Postguard on
// the three fixture sites: in a Chromium window when there is a display, else headless, saving
// .output/demo.png and printing the findings it saw. The demo lives in scripts/demo/run.ts;
// tsx loads it because it reuses the TypeScript e2e harness.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./demo/run.ts', import.meta.url);
process.exitCode = await main();
