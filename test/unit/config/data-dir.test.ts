import path from 'node:path';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../../../main/node/config/data-dir.js';

describe('data folder', () => {
  it('IC_DATA_DIR wins everywhere', () => {
    expect(resolveDataDir({ IC_DATA_DIR: 'rel/dir' }, 'linux')).toBe(path.resolve('rel/dir'));
  });
  it('defaults to the platform app-data folder, where Electron keeps userData', () => {
    expect(resolveDataDir({}, 'linux')).toBe(path.join(os.homedir(), '.config', 'Intelligent Center'));
    expect(resolveDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(path.join('/x', 'Intelligent Center'));
    expect(resolveDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\a\\AppData\\Roaming', 'Intelligent Center'));
    expect(resolveDataDir({}, 'darwin')).toBe(path.join(os.homedir(), 'Library', 'Application Support', 'Intelligent Center'));
  });
});
