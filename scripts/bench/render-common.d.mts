import type { Sharp } from 'sharp';

export function rng(seed: number): () => number;
export function pick<T>(rand: () => number, xs: readonly T[]): T;
export function xmlEscape(s: string): string;
export interface RoundSeal {
  cx: number;
  cy: number;
  r: number;
  font: string;
  /** The office's name, along the upper arc. */
  ring: string;
  /** Under the star, e.g. 专用章. */
  kind: string;
  colour: string;
  /** Ring glyph size as a share of the radius. */
  glyphScale: number;
  opacity?: number;
}
export function roundSealSvg(s: RoundSeal): string;
export function asScan(img: Sharp, rand: () => number, o: { blur: number; grain: number; quality: number }): Promise<Buffer>;
