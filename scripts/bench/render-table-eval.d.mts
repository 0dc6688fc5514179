export interface TrueCell {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  text: string;
}
export interface TableTruth {
  layout: string;
  seed: number;
  rows: number;
  cols: number;
  cells: TrueCell[];
  title: string;
  note: string;
}
export const TABLE_LAYOUTS: readonly ['list', 'twoLevelHeader', 'grouped', 'form'];
export const TABLE_FONTS: readonly string[];
export function drawTable(layout: string, seed: number): TableTruth;
export function renderTable(t: TableTruth, o?: { font?: string; variant?: 'clean' | 'scan' }): Promise<{ bytes: Buffer; width: number; height: number; font: string; truth: TableTruth }>;
export function tableCases(n?: number, seed?: number): { layout: string; seed: number; variant: 'clean' | 'scan' }[];
