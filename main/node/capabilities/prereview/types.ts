import type { Box, DocumentType, Evidence, FieldValue, OcrPage } from '../../../common/contract/index.js';

/** One submitted file, already through OCR. */
export interface PrereviewDoc {
  file: string;
  pages: OcrPage[];
}

/** A field as extracted: the contract's FieldValue plus where it was read, for evidence. */
export interface ExtractedField extends FieldValue {
  /** The OCR line text(s) the value came from (joined with a space when a value spans lines). */
  source: string;
  /** True when the value was repaired (O→0, I→1 …) and the check character confirmed the repair. */
  corrected?: boolean;
}

export type Fields = Record<string, ExtractedField>;

export interface Classification {
  type: DocumentType;
  /** 0–1: how strongly the text looks like `type`. */
  score: number;
  /** Score of every type. */
  scores: Record<DocumentType, number>;
  /** Signals that matched, for explanation (e.g. "公民身份号码", "valid ID number"). */
  signals: string[];
}

/** One document found in a file: the whole file, or a run of its pages (a PDF with several documents scanned in). */
export interface AnalyzedDocument {
  file: string;
  /** Page numbers (from 1) this document covers. */
  pages: number[];
  type: DocumentType;
  score: number;
  /** Other types this document also satisfies (an ID card with both sides on one page). */
  alsoTypes: DocumentType[];
  fields: Fields;
  /** Where the document starts (its first line), for evidence. */
  title: Evidence;
  /** All text, half-width, simplified, without spaces: for keyword tests. */
  compactText: string;
  lineCount: number;
  /** Mean OCR confidence of the lines (1 for no lines). */
  meanConfidence: number;
}

export type { Box };
