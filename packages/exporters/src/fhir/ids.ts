// Ids for fullUrls and identifiers: RFC 4122 version-5 UUIDs (SHA-1 of a namespace and a name) when
// deterministic, random UUIDs otherwise. Nothing runs at import time.
import { createHash, randomUUID } from 'node:crypto';

/** scribekit's UUID namespace (itself a fixed random v4 UUID). */
const NAMESPACE = 'b7a3f1e2-5c4d-4e8f-9a1b-2c3d4e5f6a7b';

/** A version-5 UUID of `name` in scribekit's namespace. */
export function uuidV5(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Makes `urn:uuid:` values for named roles (`composition`, `device`, …) of one export. */
export type IdFactory = (role: string) => string;

/** Deterministic ids derive from `seed` and the role; random ids ignore both. */
export function idFactory(mode: 'random' | 'deterministic', seed: string): IdFactory {
  if (mode === 'random') return () => `urn:uuid:${randomUUID()}`;
  return (role) => `urn:uuid:${uuidV5(`${seed}\n${role}`)}`;
}

/** Hex SHA-1 of a string, used to seed ids from content. */
export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}
