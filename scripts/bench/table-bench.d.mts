import type { TrueCell } from './render-table-eval.mjs';
export function scoreCells(
  truth: TrueCell[],
  got: TrueCell[],
): { cells: number; right: number; withText: number; rightText: number; wrong: { want: TrueCell; got: TrueCell | null }[] };
export function main(argv: string[]): Promise<number>;
