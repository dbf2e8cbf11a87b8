import { describe, expect, it } from 'vitest';
import { cleanText, TextCleaner } from '../src/clean-text.js';

describe('cleanText', () => {
  it('keeps ordinary text, CJK, emoji and accents as they are', () => {
    for (const s of ['word', 'Ortega,', '東京', '😀', 'café', 'naïve—really', '']) {
      expect(cleanText(s)).toEqual({ text: s, spaces: false, replaced: false });
    }
  });

  it('turns line breaks and tabs inside a token into one space', () => {
    expect(cleanText('a\nb')).toEqual({ text: 'a b', spaces: true, replaced: false });
    expect(cleanText('a\r\n\tb\u2028c')).toEqual({ text: 'a b c', spaces: true, replaced: false });
  });

  it('replaces NUL, BEL, DEL, C1 controls, bidi overrides and lone surrogates with U+FFFD', () => {
    expect(cleanText('a\u0000b\u0007')).toEqual({ text: 'a\ufffdb\ufffd', spaces: false, replaced: true });
    expect(cleanText('\u202eevil\u202c').text).toBe('\ufffdevil\ufffd');
    expect(cleanText('\u2066x\u2069').text).toBe('\ufffdx\ufffd');
    expect(cleanText('x\u007f\u0085y').text).toBe('x\ufffd y');
    expect(cleanText('x\ud800').text).toBe('x\ufffd');
    expect(cleanText('\udc00x').text).toBe('\ufffdx');
  });

  it('keeps line breaks and tabs in multi-line text but still replaces controls', () => {
    expect(cleanText('one\ntwo\tthree', false)).toEqual({
      text: 'one\ntwo\tthree',
      spaces: false,
      replaced: false,
    });
    expect(cleanText('one\n\u0000two', false).text).toBe('one\n\ufffdtwo');
  });

  it('counts what it changed, without the text', () => {
    const c = new TextCleaner();
    expect(c.clean('ok')).toBe('ok');
    c.clean('a\nb');
    c.clean('\u0007');
    c.clean('\u202e');
    expect(c.warnings('token(s)')).toEqual([
      '1 token(s) held line breaks or tabs; they were replaced with spaces',
      '2 token(s) held control, bidirectional-override or broken characters; they were replaced with U+FFFD',
    ]);
  });
});

describe('decodeText', async () => {
  const { decodeText, InvalidEncodingError, parseTranscript } = await import('../src/index.js');
  const json = '{"results":{"items":[],"transcripts":[]},"status":"COMPLETED","jobName":"é"}';

  it('reads UTF-16 with and without a byte-order mark, as UTF-8', () => {
    const le = Buffer.from(json, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [
      Buffer.concat([Buffer.from([0xff, 0xfe]), le]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), be]),
      le,
      be,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]),
    ]) {
      expect(decodeText(new Uint8Array(bytes))).toBe(json);
      expect(parseTranscript(new Uint8Array(bytes)).metadata.jobName).toBe('é');
    }
  });

  it('refuses bytes that are not UTF-8, naming the offset of the first one', () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"ok'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    expect(() => decodeText(new Uint8Array(bytes), 'x.json')).toThrow(InvalidEncodingError);
    expect(() => decodeText(new Uint8Array(bytes), 'x.json')).toThrow(
      'x.json: The input is not valid UTF-8: the first invalid byte is at offset 8',
    );
    // Overlong forms and surrogates encoded in UTF-8 are invalid too.
    for (const bad of [[0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xff], [0xf4, 0x90, 0x80, 0x80]]) {
      const b = new Uint8Array([0x7b, ...bad, 0x7d]);
      expect(() => decodeText(b)).toThrow('first invalid byte is at offset 1');
    }
  });
});
