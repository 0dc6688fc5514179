import type { Section } from '../text/sections.js';

/** A text source read and split, ready to index: what every reader (plan, txt/md, DOCX, PDF, OCR) produces. */
export interface ParsedDocument {
  title: string;
  effectiveDate: string | null;
  sections: Section[];
}
