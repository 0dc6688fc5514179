import { toErrorPayload } from '../../common/contract/index.js';
import { appVersion } from '../config/app-paths.js';
import { createApp, type App } from '../app/app.js';
import { UsageError, type Command, type GlobalOptions } from '../hub/cli/command.js';
import { commands } from './commands/index.js';
import { Output } from './output.js';

function help(): string {
  return [
    `ic ${appVersion} — Intelligent Center command line (everything runs on this machine)`,
    '',
    ...commands.filter((c) => c.name !== 'capabilities').flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    '',
    'Global options: --json (JSON output, one line per item), --data-dir DIR (default: IC_DATA_DIR or the app-data folder), --debug (stack traces).',
    'Exit codes: 0 all done, 1 some inputs failed, 2 usage error. Output shapes: docs/cli.md.',
  ].join('\n');
}

/** Splits global flags out of argv (they may stand anywhere) and finds the longest matching command name. */
export function resolveCommand(argv: string[]): { command?: Command; rest: string[]; global: GlobalOptions & { help: boolean; version: boolean } } {
  const global = { json: false, debug: false, help: false, version: false } as GlobalOptions & { help: boolean; version: boolean };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') global.json = true;
    else if (a === '--debug') global.debug = true;
    else if (a === '--help' || a === '-h') global.help = true;
    else if (a === '--version') global.version = true;
    else if (a === '--data-dir') {
      const v = argv[++i];
      if (!v) throw new UsageError('--data-dir needs a folder');
      global.dataDir = v;
    } else if (a.startsWith('--data-dir=')) global.dataDir = a.slice('--data-dir='.length);
    else rest.push(a);
  }
  const byLength = [...commands].sort((a, b) => b.name.split(' ').length - a.name.split(' ').length);
  for (const c of byLength) {
    const words = c.name.split(' ');
    if (words.every((w, i) => rest[i] === w)) return { command: c, rest: rest.slice(words.length), global };
  }
  return { rest, global };
}

export async function main(argv: string[], out?: Output): Promise<number> {
  let hub: App | undefined;
  let debug = argv.includes('--debug');
  let o = out ?? new Output(argv.includes('--json'));
  try {
    const { command, rest, global } = resolveCommand(argv);
    debug = global.debug;
    o = out ?? new Output(global.json);
    if (global.version || global.help || (!rest.length && !command)) {
      if (global.version) o.result({ version: appVersion }, () => appVersion);
      else o.result({ help: help() }, help);
      return 0;
    }
    if (!command) throw new UsageError(`unknown command "${rest.join(' ')}"`);
    return await command.run({
      args: rest,
      global,
      out: o,
      hub: () => (hub ??= createApp({ ...(global.dataDir ? { dataDir: global.dataDir } : {}) })),
    });
  } catch (err) {
    if (err instanceof UsageError) {
      o.info(`ic: ${err.message}\nRun \`ic --help\` for the commands.`);
      return 2;
    }
    const e = toErrorPayload(err);
    o.info(`ic: ${e.message}${e.code !== 'INTERNAL' ? ` (${e.code})` : ''}`);
    if (debug && err instanceof Error && err.stack) o.info(err.stack);
    return 1;
  } finally {
    await hub?.close();
  }
}
