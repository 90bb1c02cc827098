// Types for crx.mjs, which the packaging tests import.
export declare function publicKeyDer(privateKeyPem: string): Buffer;
export declare function crxId(publicKey: Buffer): Buffer;
export declare function extensionId(publicKey: Buffer): string;
export declare function manifestKey(publicKey: Buffer): string;
export declare function createCrx(zip: Buffer, privateKeyPem: string): Buffer;
export declare function chromeUpdateManifest(options: {
  id: string;
  version: string;
  crxUrl: string;
}): string;
