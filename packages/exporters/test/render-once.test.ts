// `render(t, formats)` does the shared work once (issue 13): `--to all --redact-phi` redacts once, and SRT and
// WebVTT share one segmentation. Counted with spies on core's `redact` and on the caption timing step that
// every segmentation runs.
import { readFileSync } from 'node:fs';
import { parseTranscript } from '@scribekit/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const counts = vi.hoisted(() => ({ redact: 0, timeStream: 0 }));

vi.mock('@scribekit/core', async (importOriginal) => {
  const real = await importOriginal<typeof import('@scribekit/core')>();
  return {
    ...real,
    redact: (...args: Parameters<typeof real.redact>) => {
      counts.redact++;
      return real.redact(...args);
    },
  };
});

vi.mock('../src/captions/timing.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/captions/timing.js')>();
  return {
    ...real,
    timeStream: (...args: Parameters<typeof real.timeStream>) => {
      counts.timeStream++;
      return real.timeStream(...args);
    },
  };
});

const { formats, render } = await import('../src/render/index.js');

const t = parseTranscript(
  readFileSync(new URL('../../../test/fixtures/transcribe/medical-conversation-phi.json', import.meta.url)),
);
const options = { subject: 'Patient/1', redact: true, date: '2024-05-01T14:35:00Z' } as const;

beforeEach(() => {
  counts.redact = 0;
  counts.timeStream = 0;
});

describe('render does shared work once', () => {
  it('--to all --redact-phi redacts once, and every output is redacted', async () => {
    const out = await render(t, formats, options);
    expect(out.map((o) => o.format)).toEqual([...formats]);
    expect(counts.redact).toBe(1);
    expect(out.every((o) => !o.containsPhi)).toBe(true);
  });

  it('SRT and WebVTT share one segmentation (as many timing passes as SRT alone)', async () => {
    await render(t, ['srt'], options);
    const one = counts.timeStream;
    expect(one).toBeGreaterThan(0);
    counts.timeStream = 0;
    await render(t, formats, options);
    expect(counts.timeStream).toBe(one);
  });

  it('without redaction nothing is redacted, and the outputs carry PHI', async () => {
    const out = await render(t, ['srt', 'txt'], { subject: 'Patient/1' });
    expect(counts.redact).toBe(0);
    expect(out.every((o) => o.containsPhi)).toBe(true);
  });
});
