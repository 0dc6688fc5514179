export function main(argv: string[]): Promise<number>;
