/**
 * Seals (加盖公章) and signatures (签字/签名) on the materials that need them (catalog `needsSeal`,
 * `needsSignature`). OCR found the marks (input `marks`): red seals per page, and dark ink it did not read as
 * printed text. A seal check passes with every seal's page and box as evidence; a signature check looks for ink
 * in the signature field — right of or below a label such as 申请人（签字）, 签名, 签字（盖章） — and passes with that
 * ink's box. Missing marks are findings (fail); a form with no signature field found is a warning (a clerk looks).
 */
import type { Check, Evidence, OcrLine, OcrPage, Rotation } from '../../../common/contract/index.js';
import { toUpright } from '../ocr/preprocess/orientation.js';
import type { AnalyzedDocument } from './types.js';

export interface MarkNeeds {
  needsSeal?: boolean;
  needsSignature?: boolean;
}

/** A signature field's label: 签字, 签名, 签章, 签署 (申请人（签字）, 法定代表人签名, 签字（盖章）…). */
const SIGN_LABEL = /签\s*[字名章署]/;
/** A label is short: a sentence that mentions signing ("请在下方签字确认") is not itself the field. */
const MAX_LABEL_CHARS = 24;

type Rect = [number, number, number, number];

const rectOf = (box: OcrLine['box'], rot: Rotation, W: number, H: number): Rect => {
  const ps = box.map((p) => toUpright(p, rot, W, H));
  const xs = ps.map((p) => p[0]);
  const ys = ps.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
};

const overlapShare = (a: Rect, b: Rect): number => {
  const w = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const h = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  return (w * h) / Math.max(1, (a[2] - a[0]) * (a[3] - a[1]));
};

/** Where the signature for a label line goes (upright frame): the rest of its row to the right, and just below. */
export function signatureZones(line: OcrLine, page: OcrPage): Rect[] {
  const r = rectOf(line.box, page.rotation, page.width, page.height);
  const h = r[3] - r[1];
  // The label ends after 签字/签名 and any closing bracket or colon; the line may run on (…签字：      日期：…).
  const chars = [...line.text];
  const m = SIGN_LABEL.exec(line.text);
  let end = r[2];
  if (m && line.chars?.length === chars.length) {
    const upto = [...line.text.slice(0, m.index + m[0].length)].length;
    let k = upto;
    while (k < chars.length && /[）)】\]：:\s]/.test(chars[k]!)) k++;
    end = r[0] + (line.chars[Math.min(k, chars.length) - 1] ?? 1) * (r[2] - r[0]) + h * 0.4;
  }
  return [
    [end - h * 0.2, r[1] - h, end + h * 12, r[3] + h],
    [r[0] - h, r[3], Math.max(end, r[0] + h * 8), r[3] + h * 3],
  ];
}

/** Ink in a signature field of the document: evidence for each field found, signed or not. */
export function findSignatures(doc: AnalyzedDocument, pages: OcrPage[]): { fields: Evidence[]; signed: Evidence[] } {
  const fields: Evidence[] = [];
  const signed: Evidence[] = [];
  for (const p of pages.filter((pg) => doc.pages.includes(pg.page))) {
    for (const line of p.lines) {
      if (!SIGN_LABEL.test(line.text) || [...line.text].length > MAX_LABEL_CHARS) continue;
      fields.push({ file: doc.file, page: p.page, box: line.box, text: line.text });
      const zones = signatureZones(line, p);
      const h = rectOf(line.box, p.rotation, p.width, p.height);
      const lineH = h[3] - h[1];
      for (const ink of p.marks?.ink ?? []) {
        const r = rectOf(ink.box, p.rotation, p.width, p.height);
        if (r[2] - r[0] < lineH * 0.8) continue; // a dot or a tick, not a signature
        if (zones.some((z) => overlapShare(r, z) >= 0.5)) signed.push({ file: doc.file, page: p.page, box: ink.box, text: `签字 signature (${line.text})` });
      }
    }
  }
  return { fields, signed };
}

/** The seal and signature checks of one document for the material it was matched to. */
export function sealSignatureChecks(key: string, doc: AnalyzedDocument, pages: OcrPage[], needs: MarkNeeds, label: { zh: string; en: string }): Check[] {
  const checks: Check[] = [];
  const mine = pages.filter((p) => doc.pages.includes(p.page));
  // Pages read without mark detection (a PDF's text layer, a caller that did not ask for marks) say nothing about
  // seals or ink: that is a look for the clerk, not a missing seal or signature.
  if (!mine.some((p) => p.marks)) {
    const wanted = [needs.needsSeal && 'seal', needs.needsSignature && 'signature'].filter((w): w is string => !!w);
    return wanted.map((w) => ({
      id: `material.${key}.${w}`,
      status: 'warn' as const,
      message:
        w === 'seal'
          ? `${label.zh}的公章未能自动检查（无页面图像），请人工核对 The ${label.en}'s seal could not be checked (no page image) — check it by eye`
          : `${label.zh}的签字未能自动检查（无页面图像），请人工核对 The ${label.en}'s signature could not be checked (no page image) — check it by eye`,
      evidence: [doc.title],
    }));
  }
  if (needs.needsSeal) {
    const seals: Evidence[] = mine.flatMap((p) => (p.marks?.seals ?? []).map((s) => ({ file: doc.file, page: p.page, box: s.box, text: '公章 seal' })));
    checks.push(
      seals.length
        ? {
            id: `material.${key}.seal`,
            status: 'pass',
            message: `${label.zh}已盖章（${seals.map((s) => `第 ${s.page} 页`).join('、')}） The ${label.en} is sealed (${seals.map((s) => `page ${s.page}`).join(', ')})`,
            evidence: seals,
          }
        : {
            id: `material.${key}.seal`,
            status: 'fail',
            message: `${label.zh}未加盖公章 The ${label.en} has no seal`,
            evidence: [doc.title],
          },
    );
  }
  if (needs.needsSignature) {
    const { fields, signed } = findSignatures(doc, pages);
    if (signed.length)
      checks.push({ id: `material.${key}.signature`, status: 'pass', message: `${label.zh}已签字 The ${label.en} is signed`, evidence: signed });
    else if (fields.length)
      checks.push({ id: `material.${key}.signature`, status: 'fail', message: `${label.zh}未签字 The ${label.en} is not signed`, evidence: fields });
    else
      checks.push({
        id: `material.${key}.signature`,
        status: 'warn',
        message: `${label.zh}中未找到签字栏，请人工核对签字 No signature field found on the ${label.en} — check the signature by eye`,
        evidence: [doc.title],
      });
  }
  return checks;
}
