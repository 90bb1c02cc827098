import { Pack } from '../core/pack/schema';
import starterPackJson from '../../public/packs/starter.json';

// Relative imports only: the CLI runs this module through tsx without the `@/` alias.

/** The starter pack's id: packs extend it by this name, without naming its file. */
export const STARTER_PACK_ID = 'postguard-starter';

let starter: Pack | undefined;

/**
 * The bundled starter pack: the policy before an admin pushes anything. Only the schema is
 * checked here: the pack ships with Postguard and its tests run it through the full parser,
 * which (compiling patterns with RE2) would weigh on the popup's start; the checker's compile
 * still refuses anything the schema lets through.
 */
export function starterPack(): Pack {
  return (starter ??= Pack.parse(starterPackJson));
}
