import { EventEmitter } from 'node:events';
import type { JobEvent } from '../../common/contract/index.js';

/** The hub's event bus: job progress, items and status changes, fanned out to IPC, WebSocket and the CLI. */
export class HubEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit(event: JobEvent): void {
    this.emitter.emit('event', event);
  }

  on(listener: (event: JobEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
