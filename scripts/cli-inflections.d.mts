// Types for cli-inflections.mjs, which the bundle's unit test and the extension's build import too.
export declare const TRANSFORM_MODULE: string;
export interface InflectionModel {
  one: { lexicon: Record<string, string>; prefixes: Record<string, unknown> };
  two: Record<string, unknown>;
}
export declare function inflectionModel(): Promise<InflectionModel>;
export declare function inflectionsModuleSource(): Promise<string>;
export declare function lazyCompromiseSource(loader: string): string;
