// Public API of @scribekit/exporters. Explicit named exports only.
export { displayName, prepare } from './common.js';
export { type DocxOptions, docxDefaults, toDocx } from './docx.js';
export { type FhirOptions, toFhirJson, toFhirXml } from './fhir/index.js';
export { type ExportOptions, exporters, type Format, formats, getExporter } from './registry.js';
export { type CaptionOptions, toSrt } from './srt.js';
export type { BinaryExporter, CommonOptions, Exporter, TextExporter } from './types.js';
export { toVtt } from './vtt.js';
