// MSH-10 message control ids: unique per message (a resend of the same message keeps its id).
// Web Crypto is reached at call time, so importing the encoder does not load node:crypto.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32: no I, L, O, U

/** 20 random base-32 characters (100 bits): MSH-10's maximum length in v2.5.1. */
export function randomControlId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(20));
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}
