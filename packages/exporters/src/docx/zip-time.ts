// Fixed timestamps for every entry of a zip file, so the same input gives the same bytes.
// The zip writer stamps entries with the current local time; this rewrites the DOS date/time fields in place.
import { ExportError } from '@scribekit/core';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** DOS date and time of `date` in UTC (independent of the machine's time zone), clamped to 1980–2107. */
export function dosDateTime(date: Date): { time: number; day: number } {
  const ms = Math.min(Math.max(date.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58));
  const d = new Date(ms);
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1);
  const day = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, day };
}

/** Sets the modification time of every entry (local headers and central directory) of `zip` to `date`. */
export function setZipTimes(zip: Uint8Array, date: Date): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ExportError('The DOCX package has no zip end record');
  const { time, day } = dosDateTime(date);
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count; n++) {
    if (view.getUint32(p, true) !== CENTRAL)
      throw new ExportError(`The DOCX package has a bad zip directory entry (${n})`);
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, day, true);
    const local = view.getUint32(p + 42, true);
    if (view.getUint32(local, true) !== LOCAL)
      throw new ExportError(`The DOCX package has a bad zip file header (${n})`);
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, day, true);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return zip;
}
