// The command line of the bench scripts (each also runs on its own: node scripts/bench/<name>.mjs --opt value …).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Whether the module at `url` (import.meta.url) is the script node was started with, not an import. */
export const isMainModule = (url) => Boolean(process.argv[1]) && path.resolve(process.argv[1]) === fileURLToPath(url);

/**
 * `--name value` options: opt('--out') is the word after --out (undefined when absent); list(text) splits a comma
 * list ("a, b" → ['a', 'b'], undefined for none).
 * @param {string[]} args
 */
export function cliOptions(args) {
  return {
    opt: (name) => {
      const i = args.indexOf(name);
      return i >= 0 ? args[i + 1] : undefined;
    },
    list: (text) => (text ? text.split(',').map((x) => x.trim()).filter(Boolean) : undefined),
  };
}
