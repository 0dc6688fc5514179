export function isMainModule(url: string): boolean;
export function cliOptions(args: string[]): { opt(name: string): string | undefined; list(text: string | undefined): string[] | undefined };
