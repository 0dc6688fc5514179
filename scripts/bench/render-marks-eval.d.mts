export interface MarkRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
export function renderMarksCase(c: { seed: number; seal: boolean; signature: boolean }): Promise<{
  bytes: Buffer;
  width: number;
  height: number;
  truth: { seal: MarkRect | null; signature: MarkRect | null; label: string; place: string; letterhead: boolean };
}>;
export const LETTERHEAD: string;
export function marksCases(n?: number, seed?: number): { seed: number; seal: boolean; signature: boolean }[];
