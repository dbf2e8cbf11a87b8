// Decoding input bytes to a JSON value, with errors that say where the JSON breaks but never what it says.
import { InvalidEncodingError, InvalidJsonError } from './errors.js';

/** Raw input a parser accepts: bytes, text, or an already parsed JSON value. */
export type TranscriptInput = Uint8Array | string | unknown;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The encoding of JSON bytes: a byte-order mark says so, else the zero bytes of UTF-16 text do (RFC 4627 §3). */
function encodingOf(b: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'utf-16le';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'utf-16be';
  return 'utf-8';
}

/**
 * Decodes JSON bytes (UTF-8, or UTF-16 as Windows tools write it) and drops a leading byte-order mark.
 * Bytes that are not valid in their encoding throw InvalidEncodingError with the offset of the first one:
 * replacing them silently would change words.
 */
export function decodeText(input: Uint8Array | string, file?: string): string {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const encoding = encodingOf(input);
    try {
      text =
        encoding === 'utf-8' ? utf8.decode(input) : new TextDecoder(encoding, { fatal: true }).decode(input);
    } catch {
      throw new InvalidEncodingError(encoding, firstInvalidByte(input, encoding), { file });
    }
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Offset of the first byte that is not valid UTF-8 (or of the first broken UTF-16 unit). Error path only. */
function firstInvalidByte(b: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): number {
  if (encoding !== 'utf-8') {
    const le = encoding === 'utf-16le';
    for (let i = 0; i + 1 < b.length; i += 2) {
      const u = le ? b[i]! | (b[i + 1]! << 8) : (b[i]! << 8) | b[i + 1]!;
      if (u >= 0xd800 && u <= 0xdbff) {
        const n = i + 3 < b.length ? (le ? b[i + 2]! | (b[i + 3]! << 8) : (b[i + 2]! << 8) | b[i + 3]!) : 0;
        if (n < 0xdc00 || n > 0xdfff) return i;
        i += 2;
      } else if (u >= 0xdc00 && u <= 0xdfff) return i;
    }
    return b.length - (b.length % 2);
  }
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const need =
      c < 0x80
        ? 0
        : c >= 0xc2 && c <= 0xdf
          ? 1
          : c >= 0xe0 && c <= 0xef
            ? 2
            : c >= 0xf0 && c <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || (x & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, surrogates, and code points past U+10FFFF.
    const d = b[i + 1] ?? 0;
    if (
      (c === 0xe0 && d < 0xa0) ||
      (c === 0xed && d > 0x9f) ||
      (c === 0xf0 && d < 0x90) ||
      (c === 0xf4 && d > 0x8f)
    )
      return i;
    i += need + 1;
  }
  return b.length;
}

/** Parses JSON text; on failure throws InvalidJsonError naming the line and column of the first fault. */
export function parseJsonText(text: string, file?: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // V8's message can quote the input (patient data), so it is not kept as the cause.
    const fault = locateJsonFault(text);
    throw new InvalidJsonError(fault.reason, positionOf(text, fault.offset), { file });
  }
}

/** Turns bytes or text into a JSON value; other values are taken as already parsed. */
export function toJsonValue(input: TranscriptInput, file?: string): unknown {
  if (typeof input === 'string' || input instanceof Uint8Array)
    return parseJsonText(decodeText(input, file), file);
  return input;
}

function positionOf(text: string, offset: number): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

interface Fault {
  offset: number;
  reason: string;
}

/**
 * Finds the first syntax fault of text that JSON.parse rejected. A small recursive-descent scanner:
 * it only runs on the error path, so it favours a precise reason over speed.
 */
export function locateJsonFault(text: string): Fault {
  let i = 0;
  const n = text.length;
  const fail = (reason: string, at = i): never => {
    throw { offset: at, reason } satisfies Fault;
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const end = (what: string) => (i >= n ? fail(`the input ends inside ${what}`, n) : undefined);
  const describe = (c: string) =>
    c === '.' ? 'an ellipsis or stray `.`' : /[A-Za-z]/.test(c) ? 'unquoted text' : `an unexpected \`${c}\``;

  const string = () => {
    i++; // opening quote
    for (;;) {
      end('a string');
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c === 92) {
        i++;
        end('a string');
        const e = text[i]!;
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('a bad \\u escape in a string');
          i += 5;
        } else if ('"\\/bfnrt'.includes(e)) i++;
        else fail('a bad escape in a string');
      } else if (c < 32)
        fail(c === 10 ? 'a raw line break inside a string' : 'a control character inside a string');
      else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0].length === 0) fail('a malformed number');
    i += m![0].length;
  };
  const literal = () => {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(describe(text[i]!));
  };
  const value = (depth: number): void => {
    if (depth > 2000) fail('nesting that is too deep');
    ws();
    end('a value');
    const c = text[i]!;
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        end('an object');
        if (text[i] === '}') fail('a trailing comma in an object');
        if (text[i] !== '"') fail(`${describe(text[i]!)} where a property name was expected`);
        string();
        ws();
        end('an object');
        if (text[i] !== ':') fail(`${describe(text[i]!)} where \`:\` was expected`);
        i++;
        value(depth + 1);
        ws();
        end('an object');
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail(`${describe(text[i]!)} where \`,\` or \`}\` was expected`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        ws();
        end('an array');
        if (text[i] === ']') fail('a trailing comma in an array');
        value(depth + 1);
        ws();
        end('an array');
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail(`${describe(text[i]!)} where \`,\` or \`]\` was expected`);
      }
    }
    if (c === '"') string();
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else literal();
  };

  try {
    ws();
    if (i >= n) return { offset: 0, reason: 'the input is empty' };
    value(0);
    ws();
    if (i < n) fail('more content after the end of the JSON document');
    return { offset: n, reason: 'a syntax error' };
  } catch (fault) {
    if (typeof fault === 'object' && fault !== null && 'offset' in fault) return fault as Fault;
    return { offset: i, reason: 'nesting that is too deep' };
  }
}
