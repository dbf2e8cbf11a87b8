// Small helpers shared by the benchmarks: interleaved timing (ratios within one run) and heap measurement.

/** Median of a list of numbers. */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Times several functions interleaved (A B C A B C …) so machine noise hits them alike; returns the
 * median milliseconds of each, by name.
 */
export function timeInterleaved(fns, rounds = 7, warmup = 2) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds + warmup; r++) {
    for (const n of names) {
      const t0 = performance.now();
      fns[n]();
      const dt = performance.now() - t0;
      if (r >= warmup) samples[n].push(dt);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

/** Async version of timeInterleaved. */
export async function timeInterleavedAsync(fns, rounds = 5, warmup = 1) {
  const names = Object.keys(fns);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < rounds + warmup; r++) {
    for (const n of names) {
      const t0 = performance.now();
      await fns[n]();
      const dt = performance.now() - t0;
      if (r >= warmup) samples[n].push(dt);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

/** Heap bytes retained by the value `make()` returns (needs --expose-gc). */
export function retainedHeap(make) {
  if (!globalThis.gc) throw new Error('run with node --expose-gc');
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  globalThis.gc();
  const after = process.memoryUsage().heapUsed;
  return { bytes: after - before, value };
}

export const fmt = (n, digits = 1) => n.toFixed(digits);
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
