/** chi_tra+eng for traditional-Chinese fonts, chi_sim+eng otherwise. */
export function tesseractLangFor(doc: { font: string }): string;
/** Version line and installed languages; throws naming the Debian packages to install. */
export function checkTesseract(needLangs?: readonly string[]): { version: string; langs: string[] };
/**
 * `tesseract IMAGE stdout --psm 1 -l LANG`, timed from spawn to exit. threads: OMP_THREAD_LIMIT (default 1; 0 leaves
 * OpenMP's default).
 */
export function runTesseract(
  image: string,
  o: { lang: string; psm?: number; threads?: number; timeoutMs?: number },
): Promise<{ text: string; ms: number; cpuMs?: number }>;
/** Milliseconds of user + system CPU from the children's line of sh's `times` (after an "@@times" marker). */
export function parseShTimes(stderr: string): number | undefined;
