// Types for common.mjs, which the packaging tests import.
export declare const ROOT: string;
export declare const PACKAGES_DIR: string;
export declare const VERSION: string;
export declare function unzip(buffer: Buffer): Promise<Record<string, Buffer>>;
