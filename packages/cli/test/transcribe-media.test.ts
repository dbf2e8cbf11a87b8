// The pure parts of `transcribe`: media checks (extension, WAV/FLAC headers, Medical's limits), job names
// and media keys from file names and hashes, the StartMedicalTranscriptionJob request, and job tags.
import { describe, expect, it } from 'vitest';
import {
  isValidJobName,
  jobDigest,
  jobNameFor,
  MAX_JOB_NAME,
  mediaKeyFor,
  nameStem,
} from '../src/aws/job-name.js';
import { checkMediaFits, inspectMedia, MediaError, mediaFormatOf } from '../src/aws/media-check.js';
import { startJobInput } from '../src/aws/start-job.js';
import { jobTags } from '../src/run/transcribe.js';

function wavHeader(rate: number, channels: number, extraChunk = false): Uint8Array {
  const list = extraChunk
    ? Buffer.concat([Buffer.from('LIST'), u32(5), Buffer.from('INFOx'), Buffer.alloc(1)])
    : Buffer.alloc(0);
  const fmt = Buffer.concat([
    Buffer.from('fmt '),
    u32(16),
    u16(1),
    u16(channels),
    u32(rate),
    u32(rate * channels * 2),
    u16(channels * 2),
    u16(16),
  ]);
  return Buffer.concat([
    Buffer.from('RIFF'),
    u32(36),
    Buffer.from('WAVE'),
    list,
    fmt,
    Buffer.from('data'),
    u32(0),
  ]);
}
function u16(n: number) {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
}
function u32(n: number) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}
/** fLaC + a STREAMINFO block with the given sample rate and channels. */
function flacHeader(rate: number, channels: number): Uint8Array {
  const info = Buffer.alloc(34);
  info.writeUInt16BE(4096, 0);
  info.writeUInt16BE(4096, 2);
  // 20 bits of sample rate, 3 bits of channels - 1, 5 bits of bits-per-sample - 1 (15 → 16 bits).
  info[10] = (rate >> 12) & 0xff;
  info[11] = (rate >> 4) & 0xff;
  info[12] = ((rate & 0x0f) << 4) | ((channels - 1) << 1) | (15 >> 4);
  info[13] = (15 & 0x0f) << 4;
  return Buffer.concat([Buffer.from('fLaC'), Buffer.from([0x80, 0, 0, 34]), info]);
}

describe('media checks', () => {
  it('maps extensions to the API MediaFormat and refuses others', () => {
    expect(mediaFormatOf('visit.WAV')).toBe('wav');
    expect(mediaFormatOf('a/b/visit.m4a')).toBe('m4a');
    expect(mediaFormatOf('clinic/visit.opus')).toBe('ogg');
    expect(() => mediaFormatOf('visit.aiff')).toThrow(MediaError);
    expect(() => mediaFormatOf('visit')).toThrow(/without an extension/);
  });

  it('reads the sample rate and channels of WAV (past other chunks) and FLAC headers', () => {
    expect(inspectMedia('wav', wavHeader(16_000, 1), 'a.wav')).toEqual({
      format: 'wav',
      sampleRateHz: 16_000,
      channels: 1,
    });
    expect(inspectMedia('wav', wavHeader(44_100, 2, true), 'a.wav')).toEqual({
      format: 'wav',
      sampleRateHz: 44_100,
      channels: 2,
    });
    expect(inspectMedia('flac', flacHeader(48_000, 2), 'a.flac')).toEqual({
      format: 'flac',
      sampleRateHz: 48_000,
      channels: 2,
    });
    expect(inspectMedia('flac', flacHeader(22_050, 1), 'a.flac')).toEqual({
      format: 'flac',
      sampleRateHz: 22_050,
      channels: 1,
    });
  });

  it('refuses files whose first bytes are not their format, naming the file', () => {
    const text = new TextEncoder().encode('just some text, not audio');
    for (const format of ['wav', 'flac', 'mp3', 'ogg', 'webm', 'mp4', 'amr'] as const) {
      expect(() => inspectMedia(format, text, `x.${format}`)).toThrow(/^x\.\w+: /);
    }
    expect(inspectMedia('mp3', new TextEncoder().encode('ID3\u0004'), 'a.mp3')).toEqual({ format: 'mp3' });
    expect(inspectMedia('mp3', new Uint8Array([0xff, 0xfb, 0x90, 0]), 'a.mp3')).toEqual({ format: 'mp3' });
  });

  it('holds what is known to Medical limits: 16–48 kHz, two channels for --channels, size', () => {
    const fits =
      (rate: number, channels = 1, channelIdentification = false) =>
      () =>
        checkMediaFits({ format: 'wav', sampleRateHz: rate, channels }, 'a.wav', {
          size: 100,
          channelIdentification,
        });
    expect(fits(16_000)).not.toThrow();
    expect(fits(48_000)).not.toThrow();
    expect(fits(8_000)).toThrow('a.wav: The audio has a sample rate of 8000 Hz');
    expect(fits(96_000)).toThrow(MediaError);
    expect(fits(16_000, 2, true)).not.toThrow();
    expect(fits(16_000, 1, true)).toThrow(/needs two-channel audio/);
    expect(() => checkMediaFits({ format: 'mp3' }, 'a.mp3', { size: 0 })).toThrow('a.mp3: The file is empty');
    expect(() => checkMediaFits({ format: 'mp3' }, 'a.mp3', { size: 3 * 1024 ** 3 })).toThrow(/2 GB/);
    expect(() =>
      checkMediaFits({ format: 'mp3' }, 'a.mp3', { size: 1, channelIdentification: true }),
    ).not.toThrow();
  });

  it('is an input error (exit 3)', () => {
    expect(new MediaError('a.wav', 'x').code).toBe('E_INPUT');
  });
});

describe('job names', () => {
  const digest = 'ab'.repeat(32);

  it('keeps the file stem in the allowed characters and appends 16 hex digits of the hash', () => {
    expect(jobNameFor('recordings/visit 12 (final).wav', digest)).toBe(`visit-12-final-${'ab'.repeat(8)}`);
    expect(jobNameFor('dr_ñandú.visit.wav', digest)).toBe(`dr_-and-.visit-${'ab'.repeat(8)}`);
    expect(jobNameFor('...wav', digest)).toBe(`audio-${'ab'.repeat(8)}`);
    expect(nameStem('/tmp/.hidden.flac')).toBe('hidden');
  });

  it('is at most 200 characters, valid, and keeps the whole hash (and the --new suffix)', () => {
    const long = `${'x'.repeat(500)}.wav`;
    const name = jobNameFor(long, digest, 'm3k9z1');
    expect(name.length).toBe(MAX_JOB_NAME);
    expect(name.endsWith(`-${'ab'.repeat(8)}-m3k9z1`)).toBe(true);
    expect(isValidJobName(name)).toBe(true);
    for (const source of ['a b.wav', 'é.mp3', '-.-.wav', `${'-'.repeat(300)}y.wav`]) {
      expect(isValidJobName(jobNameFor(source, digest))).toBe(true);
    }
  });

  it('digests the audio identity and the settings, ignoring key order and unset settings', () => {
    const a = jobDigest('sha256:1', { type: 'DICTATION', phi: true, speakers: undefined });
    expect(jobDigest('sha256:1', { phi: true, type: 'DICTATION' })).toBe(a);
    expect(jobDigest('sha256:2', { phi: true, type: 'DICTATION' })).not.toBe(a);
    expect(jobDigest('sha256:1', { phi: true, type: 'CONVERSATION' })).not.toBe(a);
  });

  it('content-addresses the media key under the prefix', () => {
    expect(mediaKeyFor('', 'visit.wav', digest, 'wav')).toBe(`visit-${'ab'.repeat(8)}.wav`);
    expect(mediaKeyFor('audio/2026', 'x/visit.WAVE', digest, 'wav')).toBe(
      `audio/2026/visit-${'ab'.repeat(8)}.wav`,
    );
    expect(mediaKeyFor('audio/', 'visit.wav', digest, 'wav')).toBe(`audio/visit-${'ab'.repeat(8)}.wav`);
  });
});

describe('the StartMedicalTranscriptionJob request', () => {
  const base = { type: 'CONVERSATION', specialty: 'PRIMARYCARE', language: 'en-US' } as const;

  it('carries only what was asked for', () => {
    expect(startJobInput('j', 's3://b/k.wav', base, { bucket: 'out' })).toEqual({
      MedicalTranscriptionJobName: 'j',
      LanguageCode: 'en-US',
      Media: { MediaFileUri: 's3://b/k.wav' },
      OutputBucketName: 'out',
      Specialty: 'PRIMARYCARE',
      Type: 'CONVERSATION',
    });
  });

  it('maps speakers, channels, alternatives, vocabulary, PHI, output, KMS and tags to the API fields', () => {
    const input = startJobInput(
      'j',
      's3://b/k.flac',
      { ...base, format: 'flac', speakers: 3, alternatives: 2, vocabulary: 'v', phi: true },
      { bucket: 'out', key: 'notes/', kmsKeyId: 'arn:k', tags: { 'scribekit:subject': 'Patient/1' } },
    );
    expect(input).toMatchObject({
      MediaFormat: 'flac',
      OutputKey: 'notes/',
      OutputEncryptionKMSKeyId: 'arn:k',
      Settings: {
        ShowSpeakerLabels: true,
        MaxSpeakerLabels: 3,
        ShowAlternatives: true,
        MaxAlternatives: 2,
        VocabularyName: 'v',
      },
      ContentIdentificationType: 'PHI',
      Tags: [{ Key: 'scribekit:subject', Value: 'Patient/1' }],
    });
    expect(startJobInput('j', 's3://b/k', { ...base, channels: true }, { bucket: 'o' }).Settings).toEqual({
      ChannelIdentification: true,
    });
  });
});

describe('job tags', () => {
  it('tags the FHIR references as fetch reads them, plus --tag key=value', () => {
    expect(
      jobTags(['clinic=north', 'shift = night'], { subject: 'Patient/1', author: 'Practitioner/2' }),
    ).toEqual({
      'scribekit:subject': 'Patient/1',
      'scribekit:author': 'Practitioner/2',
      clinic: 'north',
      shift: 'night',
    });
  });

  it('refuses malformed, reserved and too many tags as usage errors', () => {
    expect(() => jobTags(['novalue'], {})).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => jobTags(['aws:x=1'], {})).toThrow(/reserved/);
    expect(() => jobTags(['k=a;b'], {})).toThrow(/not a valid job tag/);
    expect(() => jobTags([`k=${'v'.repeat(257)}`], {})).toThrow(/not a valid job tag/);
    expect(() =>
      jobTags(
        Array.from({ length: 51 }, (_, i) => `k${i}=v`),
        {},
      ),
    ).toThrow(/at most 50/);
  });
});
