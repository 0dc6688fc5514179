export function tally(rows: Record<string, string>[], key: string): { tp: number; fp: number; fn: number; tn: number; precision: number; recall: number };
export function main(argv: string[]): Promise<number>;
