/** The files `ic ocr --format` writes (kept apart from the writers so the CLI can list them without loading them). */
export const OUTPUT_FORMATS = ['txt', 'json', 'pdf', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
