// CRX3, the signed package Chrome installs from an enterprise's own server. Chrome's format
// is small: "Cr24", version 3, a protobuf header holding the RSA public key and the
// signature, then the extension's zip. Written here in a few lines on Node's crypto rather
// than through a package (the `crx` package pulls in archiving and a CLI around the same
// dozen lines); tests/unit/packaging/crx.test.ts reads the result back and verifies it.
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, sign } from 'node:crypto';

const MAGIC = Buffer.from('Cr24');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');

function varint(value) {
  const bytes = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** One length-delimited protobuf field (wire type 2). */
function field(number, bytes) {
  return Buffer.concat([varint((number << 3) | 2), varint(bytes.length), bytes]);
}

function uint32le(value) {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}

/** The public key, as SPKI DER, of a PEM private key (PKCS#8 or PKCS#1). */
export function publicKeyDer(privateKeyPem) {
  return createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'der' });
}

/** The first 16 bytes of the key's SHA-256: Chrome's id for the extension, as bytes. */
export function crxId(publicKey) {
  return createHash('sha256').update(publicKey).digest().subarray(0, 16);
}

/** The extension id Chrome shows and policies name: the crx id in hex, 0-f written a-p. */
export function extensionId(publicKey) {
  return [...crxId(publicKey).toString('hex')]
    .map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16)))
    .join('');
}

/** The manifest `key` that gives an unpacked build the same id: the public key, base64. */
export function manifestKey(publicKey) {
  return Buffer.from(publicKey).toString('base64');
}

/** A CRX3 file of `zip`, signed with the RSA private key in `privateKeyPem`. */
export function createCrx(zip, privateKeyPem) {
  const publicKey = publicKeyDer(privateKeyPem);
  const signedHeaderData = field(1, crxId(publicKey));
  const signature = sign(
    'sha256',
    Buffer.concat([SIGNATURE_CONTEXT, uint32le(signedHeaderData.length), signedHeaderData, zip]),
    createPrivateKey(privateKeyPem),
  );
  const proof = Buffer.concat([field(1, publicKey), field(2, signature)]);
  const header = Buffer.concat([field(2, proof), field(10000, signedHeaderData)]);
  return Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, zip]);
}

/** Chrome's update manifest (gupdate) for a self-hosted extension. */
export function chromeUpdateManifest({ id, version, crxUrl }) {
  const escape = (text) =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${escape(id)}'>
    <updatecheck codebase='${escape(crxUrl)}' version='${escape(version)}' />
  </app>
</gupdate>
`;
}
