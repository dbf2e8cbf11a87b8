// HTML review page options: the recording to play (linked or embedded), the size limit for embedding, and who
// reviews. No file is read here (the CLI reads this table at start-up).
import { invalidOption } from '@scribekit/core/errors';
import { checkType, type OptionSpec } from '../options/spec.js';
import type { CommonOptions } from '../types.js';

export interface HtmlOptions extends CommonOptions {
  /**
   * The recording: an `http(s):`/`file:` URL, or a path. A linked path is written as given (relative paths are
   * relative to the page); an embedded one is read relative to the working directory.
   */
  readonly media?: string | undefined;
  /** Embed the recording in the page as a `data:` URL instead of linking it. Default false. */
  readonly embedMedia?: boolean | undefined;
  /** The largest recording `embedMedia` embeds, in bytes. Default 20 MiB. */
  readonly embedMediaMaxBytes?: number | undefined;
  /** The reviewer's name, filled in on the page (it can be changed there). */
  readonly reviewer?: string | undefined;
  /** Words with a confidence below this are marked and queued (shared with DOCX). Default 0.5. */
  readonly lowConfidenceThreshold?: number | undefined;
  /** Mark words inside PHI entities (shared with DOCX). Default true. */
  readonly highlightPhi?: boolean | undefined;
  /** Document title (shared with DOCX/FHIR). */
  readonly title?: string | undefined;
}

export const htmlDefaults = {
  embedMedia: false,
  embedMediaMaxBytes: 20 * 1024 * 1024,
  lowConfidenceThreshold: 0.5,
  highlightPhi: true,
} as const;

export const htmlOptionSpecs: readonly OptionSpec[] = [
  {
    key: 'media',
    group: 'html',
    type: { kind: 'string' },
    description:
      'html: the recording to play on the review page: an http(s)/file URL or a path (linked paths are relative to the page)',
    flag: { name: 'media', value: '<file|URL>' },
  },
  {
    key: 'embedMedia',
    group: 'html',
    type: { kind: 'boolean' },
    description: 'html: embed the `media` file in the page (a data: URL) instead of linking it',
    default: 'false',
    flag: { name: 'embed-media' },
  },
  {
    key: 'embedMediaMaxBytes',
    group: 'html',
    type: { kind: 'integer', min: 1 },
    description: 'html: the largest recording `embedMedia` embeds, in bytes',
    default: String(htmlDefaults.embedMediaMaxBytes),
    flag: { name: 'embed-media-max-bytes', value: '<n>' },
  },
  {
    key: 'reviewer',
    group: 'html',
    type: { kind: 'string' },
    description: 'html: the reviewer’s name, filled in on the page',
    flag: { name: 'reviewer', value: '<name>' },
  },
];

/** Audio types by file extension (what `<audio>` plays in current browsers). */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  webm: 'audio/webm',
  flac: 'audio/flac',
};

export interface ResolvedHtmlOptions {
  readonly media: string | null;
  readonly embedMedia: boolean;
  readonly embedMediaMaxBytes: number;
  readonly reviewer: string | null;
  readonly threshold: number;
  readonly highlightPhi: boolean;
}

/** The extension of a path or URL's last segment, lowercased. */
export function mediaExtension(media: string): string {
  const path = media.replace(/[?#].*$/, '');
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? m[1]!.toLowerCase() : '';
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[a-z]:[\\/]/i.test(s);

/** Validates the HTML options and fills in the defaults. */
export function resolveHtmlOptions(options: HtmlOptions = {}): ResolvedHtmlOptions {
  const values = options as Record<string, unknown>;
  for (const spec of htmlOptionSpecs) checkType(spec, values[spec.key]);
  checkType(
    {
      key: 'lowConfidenceThreshold',
      group: 'docx',
      type: { kind: 'number', min: 0, max: 1 },
      description: '',
    },
    options.lowConfidenceThreshold,
  );
  const media = options.media ?? null;
  const embed = options.embedMedia ?? htmlDefaults.embedMedia;
  if (embed && media === null) throw invalidOption('embedMedia', 'needs {media}, the file to embed');
  if (media !== null) {
    if (isUrl(media) && !/^(https?|file):/i.test(media))
      throw invalidOption('media', 'must be a path or an http:, https: or file: URL');
    if (embed && /^https?:/i.test(media))
      throw invalidOption('embedMedia', 'embeds a local file: {media} is a web URL (link it instead)');
    if (embed && MEDIA_TYPES[mediaExtension(media)] === undefined)
      throw invalidOption(
        'media',
        `to embed must end in one of ${Object.keys(MEDIA_TYPES)
          .map((e) => `.${e}`)
          .join(', ')}`,
      );
  }
  return {
    media,
    embedMedia: embed,
    embedMediaMaxBytes: options.embedMediaMaxBytes ?? htmlDefaults.embedMediaMaxBytes,
    reviewer: options.reviewer ?? null,
    threshold: options.lowConfidenceThreshold ?? htmlDefaults.lowConfidenceThreshold,
    highlightPhi: options.highlightPhi ?? htmlDefaults.highlightPhi,
  };
}

/** True for a web or file URL (as opposed to a path). */
export function isMediaUrl(media: string): boolean {
  return isUrl(media);
}
