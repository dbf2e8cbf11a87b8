// Output file names from job names or input file names: never a path, never a reserved or hidden name.

/** Device names Windows reserves in any directory, with or without an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const MAX_LENGTH = 100;

/**
 * A file base name (no directory, no extension) made from a job name or an input file name:
 * - path separators join the segments with `_` (`../../etc/passwd` → `etc_passwd`; `.` and `..` segments go),
 *   and a `.json` extension is dropped (give input files as their base name);
 * - anything but letters, digits, `.`, `_` and `-` becomes `_` (so `/`, `\`, `:` and control characters
 *   cannot form a path), runs of `_` collapse, leading dots and `-` and trailing dots go;
 * - Windows device names (`CON`, `NUL`, `COM1`, …) get a leading `_`; `.`/`..`/empty become `transcript`;
 * - at most 100 characters.
 */
export function safeBaseName(jobNameOrFileName: string): string {
  let name = jobNameOrFileName.normalize('NFC');
  // A job name with slashes is not a path: its segments are joined, `.` and `..` dropped.
  const segments = name.split(/[/\\]/).filter((s) => s !== '' && s !== '.' && s !== '..');
  name = segments.join('_');
  name = name.replace(/\.json$/i, '');
  name = name
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/[._]+$/, '');
  if (name.length > MAX_LENGTH) name = name.slice(0, MAX_LENGTH).replace(/[._]+$/, '');
  if (name === '') return 'transcript';
  const stem = name.split('.')[0]!;
  if (RESERVED.test(stem)) name = `_${name}`;
  return name;
}

/**
 * Makes names unique in order (case-insensitively, as on macOS and Windows): the second `visit` becomes
 * `visit-2`, and so on. Returns a new array.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
