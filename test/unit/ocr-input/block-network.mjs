// Preloaded (node --import) into the no-network check's child process and into every worker thread it starts
// (workers inherit the process's execArgv): any fetch or TCP connect is written to IC_NET_LOG and fails.
import fs from 'node:fs';
import net from 'node:net';
import { isMainThread } from 'node:worker_threads';

const log = (line) => fs.appendFileSync(process.env.IC_NET_LOG, `${isMainThread ? 'main' : 'worker'} ${line}\n`);
log('guard loaded');
globalThis.fetch = async (url) => {
  log(`fetch ${url}`);
  throw new Error('network is blocked in this test');
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(...args) {
  const o = Array.isArray(args[0]) ? args[0][0] : args[0]; // net passes normalised [options, callback]
  // Local IPC (a Unix socket or pipe, as tsx uses) is not network.
  if ((o && typeof o === 'object' && 'path' in o) || (typeof o === 'string' && !/^\d+$/.test(o))) return connect.apply(this, args);
  log(`connect ${JSON.stringify(o)}`);
  throw new Error('network is blocked in this test');
};
