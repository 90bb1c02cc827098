// Types for cli-inflections.mjs, which the bundle's unit test imports too.
export declare const TRANSFORM_MODULE: string;
export interface InflectionModel {
  one: { lexicon: Record<string, string>; prefixes: Record<string, unknown> };
  two: Record<string, unknown>;
}
export declare function inflectionModel(): Promise<InflectionModel>;
