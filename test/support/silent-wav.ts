// A silent WAV for review-page tests and the screenshot script (which imports this file directly: Node strips the
// types). No imports, so it loads anywhere.

/** A silent 8 kHz mono 8-bit PCM WAV of `ms` milliseconds. */
export function silentWav(ms: number): Buffer {
  const samples = Math.ceil((ms / 1000) * 8000);
  const b = Buffer.alloc(44 + samples, 0x80);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(36 + samples, 4);
  b.write('WAVEfmt ', 8, 'ascii');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(8000, 28);
  b.writeUInt16LE(1, 32);
  b.writeUInt16LE(8, 34);
  b.write('data', 36, 'ascii');
  b.writeUInt32LE(samples, 40);
  return b;
}
