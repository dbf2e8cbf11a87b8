// core's dependency-free SHA-256 (content hashes of the review page) against node:crypto's, on lengths around the
// 64-byte block and its padding boundary (55/56 bytes), multi-byte UTF-8 and a text of many blocks.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/sha256.js';

const reference = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 example digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto at every length up to three blocks, and on multi-byte text', () => {
    for (let n = 0; n <= 200; n++) {
      const ascii = 'a'.repeat(n);
      expect(sha256Hex(ascii), `length ${n}`).toBe(reference(ascii));
    }
    const mixed = 'Ädá 😀 naïve — 患者 '.repeat(40);
    expect(sha256Hex(mixed)).toBe(reference(mixed));
  });

  it('matches node:crypto on a text of many blocks', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `w${i * 7919}`).join(' ');
    expect(sha256Hex(text)).toBe(reference(text));
  });
});
