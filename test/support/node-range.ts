// The `engines.node` ranges scribekit writes (`^22.18.0 || >=24.2.0`): alternatives of `^x.y.z` and
// `>=x.y.z`, enough to check the running Node without a semver dependency. Other syntax throws.

type Version = readonly [number, number, number];

function parseVersion(text: string): Version {
  const m = /^v?(\d+)\.(\d+)\.(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`Expected a version x.y.z, got \`${text}\``);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `version` (e.g. `process.versions.node`) is in `range`. */
export function satisfiesNodeRange(version: string, range: string): boolean {
  const v = parseVersion(version);
  return range.split('||').some((alternative) => {
    const part = alternative.trim();
    if (part.startsWith('>=')) return compare(v, parseVersion(part.slice(2))) >= 0;
    if (part.startsWith('^')) {
      const floor = parseVersion(part.slice(1));
      return v[0] === floor[0] && compare(v, floor) >= 0;
    }
    throw new Error(`Unsupported range \`${part}\` (expected ^x.y.z or >=x.y.z alternatives)`);
  });
}
