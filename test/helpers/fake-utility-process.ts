import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { UtilityProcessModule } from '../../main/electron/utility-host-spawner.js';
import { fixturesDir } from './temp.js';

const parentPortShim = path.join(fixturesDir, 'electron', 'utility-parent-port.mjs');

export interface FakeUtilityOptions {
  /** Simulates a runtime that ignores the permission model's flags in execArgv. */
  dropPermissionFlags?: boolean;
}

/**
 * Electron's `utilityProcess` module as far as the app uses it, backed by a real child_process.fork so the real host
 * entries run: fork(modulePath, args, {serviceName, execArgv, env, cwd, stdio}) returns an emitter with 'spawn',
 * 'message' (the message itself), 'exit' (an exit code only), postMessage(), kill() (SIGTERM), pid, stdout, stderr.
 * The child gets process.parentPort instead of process.send (test/fixtures/electron/utility-parent-port.mjs).
 */
export function fakeUtilityProcess(o: FakeUtilityOptions = {}): UtilityProcessModule & { calls: { modulePath: string; options: Record<string, unknown> }[] } {
  const calls: { modulePath: string; options: Record<string, unknown> }[] = [];
  return {
    calls,
    fork(modulePath, args = [], options = {}) {
      calls.push({ modulePath, options: options as Record<string, unknown> });
      if (typeof options.stdio === 'object' && options.stdio[0] !== 'ignore') throw new Error('utilityProcess: stdin must be ignore');
      const execArgv = (options.execArgv ?? []).filter((a) => !(o.dropPermissionFlags && /^--(experimental-)?permission$|^--allow-/.test(a)));
      const child = fork(modulePath, args, {
        execArgv: ['--import', parentPortShim, ...execArgv],
        env: options.env as NodeJS.ProcessEnv | undefined,
        cwd: options.cwd,
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
        serialization: 'advanced',
      });
      const up = Object.assign(new EventEmitter(), {
        pid: child.pid as number | undefined,
        stdout: null,
        stderr: child.stderr as NodeJS.ReadableStream | null,
        postMessage: (m: unknown) => void (child.connected && child.send(m as never)),
        kill: () => child.kill('SIGTERM'),
      });
      child.once('spawn', () => up.emit('spawn'));
      child.on('message', (m) => up.emit('message', m));
      child.once('exit', (code) => {
        up.pid = undefined;
        up.stderr = null;
        up.emit('exit', code ?? -1);
      });
      return up as unknown as Electron.UtilityProcess;
    },
  };
}
