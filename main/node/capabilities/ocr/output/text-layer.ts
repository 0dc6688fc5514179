import {
  beginText,
  endText,
  PDFDocument,
  PDFHexString,
  PDFPage,
  PDFRef,
  popGraphicsState,
  pushGraphicsState,
  setCharacterSqueeze,
  setFontAndSize,
  setTextMatrix,
  setTextRenderingMode,
  showText,
  TextRenderingMode,
} from 'pdf-lib';
import type { OcrLine } from '../../../../common/contract/index.js';
import { GLYPHLESS_TTF_BASE64 } from './glyphless-font.js';

/** Maps a point of the OCR page (pixels, y down) to PDF user space (points, y up) on the page being written. */
export type ToUserSpace = (p: readonly [number, number]) => [number, number];

/**
 * One invisible-text font for a whole PDF: a Type0 font (Identity-H, 2-byte CIDs) over the glyphless TrueType
 * font. Every distinct character of the document gets its own CID (1, 2, …) and one ToUnicode entry, so text
 * extraction (pdftotext, copy and paste, search) gives back exactly the OCR text, Chinese included, and characters
 * outside the BMP too (a CID maps to a UTF-16 surrogate pair). All CIDs draw glyph 1 (empty), 1 em wide; each line
 * is stretched to its box with horizontal scaling (Tz). Written by hand because pdf-lib's own CID fonts need
 * @pdf-lib/fontkit and a real font file.
 */
export class InvisibleTextFont {
  private readonly cids = new Map<string, number>();
  private readonly ref: PDFRef;
  private readonly unicodeRef: PDFRef;
  private readonly gidMapRef: PDFRef;

  constructor(private readonly doc: PDFDocument) {
    const ctx = doc.context;
    const ttf = Buffer.from(GLYPHLESS_TTF_BASE64, 'base64');
    const fontFile = ctx.register(ctx.flateStream(ttf, { Length1: ttf.length }));
    const descriptor = ctx.register(
      ctx.obj({
        Type: 'FontDescriptor',
        FontName: 'GlyphLessFont',
        Flags: 5, // fixed pitch + symbolic
        FontBBox: [0, 0, 1000, 1000],
        ItalicAngle: 0,
        Ascent: 1000,
        Descent: 0,
        CapHeight: 1000,
        StemV: 80,
        FontFile2: fontFile,
      }),
    );
    // Filled in by finish(), once every character of the document is known.
    this.unicodeRef = ctx.nextRef();
    this.gidMapRef = ctx.nextRef();
    const cidFont = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: 'GlyphLessFont',
        CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 },
        FontDescriptor: descriptor,
        DW: 1000,
        CIDToGIDMap: this.gidMapRef,
      }),
    );
    this.ref = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: 'GlyphLessFont',
        Encoding: 'Identity-H',
        DescendantFonts: [cidFont],
        ToUnicode: this.unicodeRef,
      }),
    );
  }

  /** The line's characters as 2-byte CIDs (hex), new characters getting the next CID. */
  encode(text: string): PDFHexString {
    let hex = '';
    for (const ch of text) {
      let cid = this.cids.get(ch);
      if (cid === undefined) {
        cid = this.cids.size + 1;
        if (cid > 0xfffe) throw new Error('more than 65534 distinct characters in one PDF');
        this.cids.set(ch, cid);
      }
      hex += cid.toString(16).padStart(4, '0');
    }
    return PDFHexString.of(hex);
  }

  /** Draws the lines as invisible text on the page, each scaled into its box (any direction: rotated pages too). */
  drawLines(page: PDFPage, lines: readonly OcrLine[], toUser: ToUserSpace): void {
    const name = page.node.newFontDictionary('OcrText', this.ref);
    const ops = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
    for (const line of lines) {
      const text = line.text.replace(/\s+/g, ' ').trim();
      if (!text) continue;
      // Box corners are clockwise from the text's top-left: the baseline runs bottom-left → bottom-right.
      const [tl, tr, br, bl] = line.box.map((p) => toUser(p));
      const along = [(br![0] - bl![0] + tr![0] - tl![0]) / 2, (br![1] - bl![1] + tr![1] - tl![1]) / 2] as const;
      const up = [(tl![0] - bl![0] + tr![0] - br![0]) / 2, (tl![1] - bl![1] + tr![1] - br![1]) / 2] as const;
      const width = Math.hypot(along[0], along[1]);
      const height = Math.hypot(up[0], up[1]);
      if (width < 0.5 || height < 0.5) continue;
      const n = [...text].length;
      const size = height * 0.85; // the glyph box of printed text is about 85 % of the detected line's height
      const cos = along[0] / width;
      const sin = along[1] / width;
      // Origin on the baseline, a little above the box's bottom edge (descenders).
      const ox = bl![0] + up[0] * 0.12;
      const oy = bl![1] + up[1] * 0.12;
      ops.push(
        setFontAndSize(name, size),
        setCharacterSqueeze((100 * width) / (n * size)),
        setTextMatrix(cos, sin, -sin, cos, ox, oy),
        showText(this.encode(text)),
      );
    }
    ops.push(endText(), popGraphicsState());
    page.pushOperators(...ops);
  }

  /** Writes the ToUnicode CMap and the CID → glyph map for every character used. Call once before save(). */
  finish(): void {
    const ctx = this.doc.context;
    const entries = [...this.cids.entries()];
    const chunks: string[] = [];
    // A bfchar block holds at most 100 entries (PDF 1.7, 9.10.3).
    for (let i = 0; i < entries.length; i += 100) {
      const block = entries.slice(i, i + 100);
      chunks.push(`${block.length} beginbfchar`);
      for (const [ch, cid] of block) chunks.push(`<${cid.toString(16).padStart(4, '0')}> <${utf16Hex(ch)}>`);
      chunks.push('endbfchar');
    }
    const cmap = [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...chunks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
    ctx.assign(this.unicodeRef, ctx.flateStream(cmap));
    // Every CID draws glyph 1, the glyphless font's one empty glyph.
    const gids = new Uint8Array((entries.length + 1) * 2);
    for (let cid = 1; cid <= entries.length; cid++) gids[cid * 2 + 1] = 1;
    ctx.assign(this.gidMapRef, ctx.flateStream(gids));
  }
}

function utf16Hex(ch: string): string {
  let hex = '';
  for (let i = 0; i < ch.length; i++) hex += ch.charCodeAt(i).toString(16).padStart(4, '0');
  return hex.toUpperCase();
}
