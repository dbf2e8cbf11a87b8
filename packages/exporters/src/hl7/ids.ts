// MSH-10 message control ids: unique per message (a resend of the same message keeps its id).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base 32: no I, L, O, U

/** 20 random base-32 characters (100 bits): MSH-10's maximum length in v2.5.1. */
export function randomControlId(): string {
  let out = '';
  for (const b of randomBytes(20)) out += ALPHABET[b & 31];
  return out;
}
