// What can be checked about an audio file before paying for an upload and a job: its extension (→ the API's
// MediaFormat), its first bytes (the container's signature), and for WAV and FLAC the header's sample rate and
// channel count against what Transcribe Medical accepts.
import { extname } from 'node:path';
import { InputError } from '../errors.js';

/** The MediaFormat values StartMedicalTranscriptionJob takes. */
export const MEDIA_FORMATS = ['amr', 'flac', 'm4a', 'mp3', 'mp4', 'ogg', 'wav', 'webm'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** Transcribe Medical's sample-rate range (batch), in hertz. */
export const MEDICAL_SAMPLE_RATES = { min: 16_000, max: 48_000 } as const;

/** Transcribe's batch limit on a media file's size. */
export const MAX_MEDIA_BYTES = 2 * 1024 ** 3;

/** Bytes read from the start of a file for the checks. */
export const HEADER_BYTES = 64 * 1024;

const EXTENSIONS: Readonly<Record<string, MediaFormat>> = {
  '.amr': 'amr',
  '.flac': 'flac',
  '.m4a': 'm4a',
  '.mp3': 'mp3',
  '.mp4': 'mp4',
  '.ogg': 'ogg',
  '.oga': 'ogg',
  '.opus': 'ogg',
  '.wav': 'wav',
  '.wave': 'wav',
  '.webm': 'webm',
};

const CONTENT_TYPES: Readonly<Record<MediaFormat, string>> = {
  amr: 'audio/amr',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  webm: 'audio/webm',
};

/** A media file Transcribe Medical would refuse (or fail on): exit 3, before any upload. */
export class MediaError extends InputError {
  override name = 'MediaError';
  /** The message is prefixed with the file (`visit.wav: …`). */
  constructor(file: string, message: string) {
    super(message, { file });
  }
}

/** What the header says (only what it says: MP3 and friends give the format alone). */
export interface MediaInfo {
  readonly format: MediaFormat;
  readonly sampleRateHz?: number | undefined;
  readonly channels?: number | undefined;
}

/** The MediaFormat of a file name or S3 key, from its extension. */
export function mediaFormatOf(name: string, shown: string = name): MediaFormat {
  const ext = extname(name).toLowerCase();
  const format = EXTENSIONS[ext];
  if (!format) {
    throw new MediaError(
      shown,
      `${ext ? `\`${ext}\` is not` : 'a file without an extension is not'} a media format Transcribe Medical takes (${MEDIA_FORMATS.map((f) => `.${f}`).join(', ')})`,
    );
  }
  return format;
}

export function contentTypeOf(format: MediaFormat): string {
  return CONTENT_TYPES[format];
}

/**
 * Checks a file's first bytes against its format and reads the sample rate and channels of WAV and FLAC.
 * `head` is the start of the file (HEADER_BYTES or the whole file when shorter).
 */
export function inspectMedia(format: MediaFormat, head: Uint8Array, shown: string): MediaInfo {
  const ascii = (at: number, length: number) => String.fromCharCode(...head.subarray(at, at + length));
  const notA = (what: string) => new MediaError(shown, `It does not look like ${what} (its header)`);
  switch (format) {
    case 'wav':
      return { format, ...wavHeader(head, shown) };
    case 'flac':
      return { format, ...flacHeader(head, shown) };
    case 'mp3': {
      const id3 = ascii(0, 3) === 'ID3';
      const sync = head.length >= 2 && head[0] === 0xff && (head[1]! & 0xe0) === 0xe0;
      if (!id3 && !sync) throw notA('an MP3 file');
      return { format };
    }
    case 'ogg':
      if (ascii(0, 4) !== 'OggS') throw notA('an Ogg file');
      return { format };
    case 'webm':
      if (!(head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3))
        throw notA('a WebM file');
      return { format };
    case 'mp4':
    case 'm4a':
      if (ascii(4, 4) !== 'ftyp') throw notA('an MP4 file');
      return { format };
    case 'amr':
      if (ascii(0, 5) !== '#!AMR') throw notA('an AMR file');
      return { format };
  }
}

/** Sample rate and channels from a RIFF/WAVE (or RF64) header's `fmt ` chunk. */
function wavHeader(head: Uint8Array, shown: string): Omit<MediaInfo, 'format'> {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const tag = (at: number) => String.fromCharCode(...head.subarray(at, at + 4));
  if (head.length < 12 || (tag(0) !== 'RIFF' && tag(0) !== 'RF64') || tag(8) !== 'WAVE') {
    throw new MediaError(shown, `Not a WAV file: it has no RIFF/WAVE header`);
  }
  let at = 12;
  while (at + 8 <= head.length) {
    const size = view.getUint32(at + 4, true);
    if (tag(at) === 'fmt ') {
      if (size < 16 || at + 24 > head.length) break;
      return { channels: view.getUint16(at + 10, true), sampleRateHz: view.getUint32(at + 12, true) };
    }
    at += 8 + size + (size % 2);
  }
  throw new MediaError(shown, `Not a usable WAV file: no \`fmt \` chunk near its start`);
}

/** Sample rate and channels from a FLAC stream's STREAMINFO block (always the first metadata block). */
function flacHeader(head: Uint8Array, shown: string): Omit<MediaInfo, 'format'> {
  const magic = String.fromCharCode(...head.subarray(0, 4));
  if (magic !== 'fLaC' || head.length < 8 + 34 || (head[4]! & 0x7f) !== 0) {
    throw new MediaError(shown, `Not a FLAC file: it has no fLaC header with STREAMINFO`);
  }
  const b = (i: number) => head[8 + i]!;
  const sampleRateHz = (b(10) << 12) | (b(11) << 4) | (b(12) >> 4);
  const channels = ((b(12) >> 1) & 0x07) + 1;
  return { sampleRateHz, channels };
}

/** Checks what is known against Transcribe Medical's limits and the settings asked for. */
export function checkMediaFits(
  info: MediaInfo,
  shown: string,
  settings: { readonly size?: number | undefined; readonly channelIdentification?: boolean | undefined },
): void {
  if (settings.size !== undefined) {
    if (settings.size === 0) throw new MediaError(shown, 'The file is empty');
    if (settings.size > MAX_MEDIA_BYTES)
      throw new MediaError(shown, `The file is larger than Transcribe's 2 GB limit for a media file`);
  }
  const rate = info.sampleRateHz;
  if (rate !== undefined && (rate < MEDICAL_SAMPLE_RATES.min || rate > MEDICAL_SAMPLE_RATES.max)) {
    throw new MediaError(
      shown,
      `The audio has a sample rate of ${rate} Hz; Transcribe Medical takes ${MEDICAL_SAMPLE_RATES.min}–${MEDICAL_SAMPLE_RATES.max} Hz (resample it, e.g. \`ffmpeg -i IN -ar 16000 OUT\`)`,
    );
  }
  if (info.channels === 0) throw new MediaError(shown, 'The header names no audio channels');
  if (settings.channelIdentification && info.channels !== undefined && info.channels !== 2) {
    throw new MediaError(
      shown,
      `The audio has ${info.channels} channel${info.channels === 1 ? '' : 's'}; --channels (channel identification) needs two-channel audio`,
    );
  }
}
