// Decoding input bytes to a JSON value, with errors that say where the JSON breaks but never what it says.
import { InvalidJsonError } from './errors.js';

/** Raw input a parser accepts: bytes, text, or an already parsed JSON value. */
export type TranscriptInput = Uint8Array | string | unknown;

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Decodes bytes as UTF-8 and drops a leading byte-order mark. */
export function decodeText(input: Uint8Array | string): string {
  const text = typeof input === 'string' ? input : decoder.decode(input);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
  if (typeof input === 'string') return parseJsonText(decodeText(input), file);
  if (input instanceof Uint8Array) return parseJsonText(decodeText(input), file);
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
