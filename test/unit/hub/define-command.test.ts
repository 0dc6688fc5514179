import { describe, expect, it } from 'vitest';
import { UsageError, type CommandContext, type CommandOutput } from '../../../main/node/hub/cli/command.js';
import { defineCommand, wholeNumberOption } from '../../../main/node/hub/cli/define-command.js';
import { readArgFile } from '../../../main/node/hub/cli/args.js';

const out: CommandOutput = { json: false, isTTY: false, result: () => {}, failure: () => {}, info: () => {}, progress: () => {} };
const ctx = (args: string[]): CommandContext => ({ args, out, global: { json: false, debug: false }, hub: () => { throw new Error('no hub in this test'); } });

describe('defineCommand', () => {
  const seen: unknown[] = [];
  const cmd = defineCommand({
    name: 'x do',
    usage: 'ic x do <a> [b] [--n N] [--flag]',
    summary: 'test',
    options: { n: { type: 'string' }, flag: { type: 'boolean' } },
    positionals: { min: 1, max: 2, error: 'expected one or two things' },
    async run({ values, positionals }) {
      seen.push({ values, positionals });
      return values.flag ? 1 : undefined;
    },
  });

  it('hands run the parsed options and positionals; nothing returned is exit 0', async () => {
    expect(await cmd.run(ctx(['a', '--n', '3']))).toBe(0);
    expect(seen.at(-1)).toEqual({ values: { n: '3' }, positionals: ['a'] });
    expect(await cmd.run(ctx(['a', 'b', '--flag']))).toBe(1);
  });

  it('a wrong number of positionals is the command’s usage error; an unknown option is one too', async () => {
    await expect(cmd.run(ctx([]))).rejects.toThrow(new UsageError('expected one or two things'));
    await expect(cmd.run(ctx(['a', 'b', 'c']))).rejects.toThrow('expected one or two things');
    await expect(cmd.run(ctx(['a', '--bogus']))).rejects.toThrow(UsageError);
    await expect(cmd.run(ctx(['a', '--bogus']))).rejects.toThrow(/--bogus/);
  });

  it('a command that declares no positionals refuses any', async () => {
    const none = defineCommand({ name: 'y', usage: 'ic y', summary: 'test', run: async () => {} });
    expect(await none.run(ctx([]))).toBe(0);
    await expect(none.run(ctx(['extra']))).rejects.toThrow(UsageError);
  });

  it('without a message, says how many it expected', async () => {
    const two = defineCommand({ name: 'z', usage: 'ic z <a> <b>', summary: 'test', positionals: { min: 2, max: 2 }, run: async () => {} });
    await expect(two.run(ctx(['a']))).rejects.toThrow('expected 2 argument(s): ic z <a> <b>');
  });
});

describe('wholeNumberOption', () => {
  it('takes whole numbers within the range, the fallback when absent, and refuses the rest', () => {
    expect(wholeNumberOption(undefined, 3, { min: 1, max: 20 }, 'bad')).toBe(3);
    expect(wholeNumberOption('20', 3, { min: 1, max: 20 }, 'bad')).toBe(20);
    for (const t of ['0', '21', '2.5', 'x', '']) expect(() => wholeNumberOption(t, 3, { min: 1, max: 20 }, 'bad')).toThrow(new UsageError('bad'));
  });
});

describe('readArgFile', () => {
  it('a file that cannot be read is a usage error naming it and why', () => {
    expect(() => readArgFile('/nonexistent/x.jsonl', 'utf8')).toThrow(new UsageError('cannot read /nonexistent/x.jsonl: ENOENT'));
  });
});
