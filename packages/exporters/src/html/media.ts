// The recording of the review page: a link (the URL or path as given) or a `data:` URL of the file's bytes,
// and the CSP `media-src` sources that allow it.
import { readFileSync, statSync } from 'node:fs';
import { ExportError, invalidOption } from '@scribekit/core/errors';
import { isMediaUrl, MEDIA_TYPES, mediaExtension, type ResolvedHtmlOptions } from './options.js';

export interface PageMedia {
  /** The `src` of the `<audio>` element. */
  readonly src: string;
  /** CSP `media-src` sources. */
  readonly sources: string;
  readonly embedded: boolean;
}

/** The media of the page, or null without `media`. Embedding reads the file (checked against the size limit). */
export function pageMedia(o: ResolvedHtmlOptions): PageMedia | null {
  const media = o.media;
  if (media === null) return null;
  if (o.embedMedia) {
    const path = media.startsWith('file:') ? new URL(media) : media;
    let size: number;
    try {
      size = statSync(path).size;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new ExportError(`Cannot embed the media file: ${code === 'ENOENT' ? 'no such file' : code}`, {
        cause: error,
      });
    }
    if (size > o.embedMediaMaxBytes) {
      throw invalidOption(
        'embedMediaMaxBytes',
        `is ${o.embedMediaMaxBytes} bytes, and the {media} file has ${size}: link it instead, or raise the limit`,
      );
    }
    const type = MEDIA_TYPES[mediaExtension(media)]!;
    const data = Buffer.from(readFileSync(path)).toString('base64');
    return { src: `data:${type};base64,${data}`, sources: 'data:', embedded: true };
  }
  if (/^https?:/i.test(media)) {
    const url = new URL(media);
    return { src: url.href, sources: url.origin, embedded: false };
  }
  if (isMediaUrl(media)) return { src: new URL(media).href, sources: 'file:', embedded: false };
  // A path, relative to the page: the page's own origin (served) or file: (opened from disk).
  const src = media.replace(/\\/g, '/').split('/').map(encodeURIComponent).join('/');
  return { src, sources: "'self' file:", embedded: false };
}
