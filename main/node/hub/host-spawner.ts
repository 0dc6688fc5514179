import { fork } from 'node:child_process';
import type { FromHost, ToHost } from './host-protocol.js';

/** What a host process is started with; the same on every runtime. */
export interface HostSpawnOptions {
  /** Compiled JS entry that calls serveHost(). */
  entry: string;
  args: string[];
  /** Node flags of the host (the permission model's among them). */
  execArgv: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** A name for the process (Electron shows it in its process metrics). */
  serviceName: string;
}

/**
 * A running host as HostProcess needs it, whatever started it: messages both ways, stderr, exit, kill. HostProcess
 * (and so the host protocol: calls, progress, cancel, crash -> WORKER_CRASHED, restart) is the same on top of each.
 */
export interface HostChild {
  readonly pid: number | undefined;
  /** The child's stderr (utf8 text), or null. */
  readonly stderr: NodeJS.ReadableStream | null;
  /** False once the process exited (or its channel closed): nothing more can be sent. */
  readonly running: boolean;
  send(message: ToHost): void;
  onMessage(listener: (message: FromHost) => void): () => void;
  /** Once, with the exit code or the signal that ended it (where the runtime tells). */
  onExit(listener: (code: number | null, signal: string | null) => void): () => void;
  /** Ask it to stop (SIGTERM): the host disposes its models first. */
  terminate(): void;
  /** Stop it now (SIGKILL): a handler that ignores cancellation, a host that hangs at start. */
  kill(): void;
}

/** Starts host processes. The hub never imports Electron: the Electron main passes its own spawner to createApp. */
export type HostSpawner = (o: HostSpawnOptions) => HostChild;

/** Plain Node (CLI, loopback server, tests): child_process.fork with an IPC channel. */
export const nodeHostSpawner: HostSpawner = (o) => {
  const child = fork(o.entry, o.args, {
    execArgv: o.execArgv,
    env: o.env,
    cwd: o.cwd,
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  child.stderr?.setEncoding('utf8');
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    get pid() {
      return child.pid;
    },
    stderr: child.stderr,
    get running() {
      return !exited && child.connected;
    },
    send(m) {
      if (child.connected) child.send(m);
    },
    onMessage(listener) {
      child.on('message', listener as (m: unknown) => void);
      return () => child.off('message', listener as (m: unknown) => void);
    },
    onExit(listener) {
      child.once('exit', listener);
      return () => child.off('exit', listener);
    },
    terminate: () => void child.kill('SIGTERM'),
    kill: () => void child.kill('SIGKILL'),
  };
};
