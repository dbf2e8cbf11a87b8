// The options of every writer, as one type (each writer reads the part it knows).
import type { CaptionOptions } from '../captions/options.js';
import type { DocxOptions } from '../docx/options.js';
import type { FhirOptions } from '../fhir/options.js';
import type { Hl7Options } from '../hl7/options.js';
import type { HtmlOptions } from '../html/options.js';
import type { JsonOptions, TextOptions } from '../text/options.js';

export type ExportOptions = CaptionOptions &
  DocxOptions &
  FhirOptions &
  Hl7Options &
  TextOptions &
  JsonOptions &
  HtmlOptions;
