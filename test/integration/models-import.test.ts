import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { App as Hub } from '../../main/node/app/app.js';
import { knownModelCapabilities } from '../../main/node/capabilities/models/import-export-methods.js';
import { appPacksDir } from '../../main/node/models/catalog.js';
import { importPack } from '../../main/node/models/archive/read-pack.js';
import type { ImportLimits } from '../../main/node/models/archive/guard.js';
import { ic } from '../helpers/cli.js';
import { testHub } from '../helpers/hub.js';
import { packRecord, rawTar, rawZip, sha256, snapshot, tarOf, writePackDir, type TestPack } from '../helpers/pack-archives.js';
import { cleanupTempDirs, fixturesDir, tempDir } from '../helpers/temp.js';

const hubs: Hub[] = [];
function hub(): Hub {
  const h = testHub();
  hubs.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});
afterAll(cleanupTempDirs);

/** A small pack of generated files, one of them in a sub-folder. */
function smallPack(id = 'test-pack', over: Partial<TestPack> = {}): TestPack {
  return { id, files: { 'weights.bin': randomBytes(3000), 'sub/vocab.txt': 'alpha\nbeta\ngamma\n' }, ...over };
}

/** A tar of `entries` preceded by the pack.json of `pack` (as an exported archive has it). */
function tarWith(pack: TestPack, entries: Parameters<typeof rawTar>[0], file = path.join(tempDir(), 'pack.tar')): string {
  fs.writeFileSync(file, rawTar([{ name: 'pack.json', body: JSON.stringify(packRecord(pack)) }, ...entries]));
  return file;
}

function zipWith(pack: TestPack, entries: Parameters<typeof rawZip>[0], file = path.join(tempDir(), 'pack.zip')): string {
  fs.writeFileSync(file, rawZip([{ name: 'pack.json', body: JSON.stringify(packRecord(pack)) }, ...entries]));
  return file;
}

// Staging folders only: the models folder also holds .tessdata, the model host's Tesseract language folder.
const stagingLeft = (h: Hub) => fs.readdirSync(h.layout.models).filter((n) => n.startsWith('.staging-'));

/** The import is refused with a BAD_REQUEST naming the archive, and the models folder is exactly as before. */
async function expectRefused(h: Hub, file: string, message: RegExp): Promise<void> {
  const before = snapshot(h.layout.models);
  const err = await h.client.call('models.import', { path: file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `import of ${file} should have been refused`).toMatchObject({ code: 'BAD_REQUEST' });
  const msg = (err as Error).message;
  expect(msg).toMatch(message);
  expect(msg.startsWith(`cannot import ${path.basename(file)}: `)).toBe(true);
  expect(msg).not.toContain('\n');
  expect(snapshot(h.layout.models)).toEqual(before);
  expect(stagingLeft(h)).toEqual([]);
}

describe('models.import: good packs', () => {
  it('installs a folder, a .tar, a .tar.gz (inside one top-level folder) and a .zip, each verified', async () => {
    const h = hub();
    const work = tempDir();
    const folder = writePackDir(path.join(work, 'folder-pack'), smallPack('pack-folder'));
    const tar = await tarOf(writePackDir(path.join(work, 'src-tar'), smallPack('pack-tar')), path.join(work, 'pack-tar.tar'));
    const tgz = await tarOf(writePackDir(path.join(work, 'pack-tgz-1.0'), smallPack('pack-tgz')), path.join(work, 'pack-tgz.tgz'), { gzip: true, wrap: true });
    const zp = smallPack('pack-zip');
    const zip = zipWith(
      zp,
      [
        { name: 'weights.bin', body: zp.files['weights.bin'], deflate: true },
        { name: 'sub/' },
        { name: 'sub/vocab.txt', body: zp.files['sub/vocab.txt'] },
      ],
      path.join(work, 'pack-zip.zip'),
    );

    for (const [file, id] of [[folder, 'pack-folder'], [tar, 'pack-tar'], [tgz, 'pack-tgz'], [zip, 'pack-zip']] as const) {
      const info = await h.client.call('models.import', { path: file });
      expect(info, file).toMatchObject({ id, verified: true, installed: true, location: 'data', source: `import:${path.basename(file)}`, problems: [] });
      expect(info.sizeBytes).toBe(3000 + 17);
    }
    const list = await h.client.call('models.list');
    for (const id of ['pack-folder', 'pack-tar', 'pack-tgz', 'pack-zip']) expect(list.find((m) => m.id === id), id).toMatchObject({ verified: true });
    const verified = await h.client.call('models.verify', {});
    expect(verified.filter((v) => v.id.startsWith('pack-')).every((v) => v.ok)).toBe(true);

    const installed = path.join(h.layout.models, 'pack-zip');
    expect(fs.readFileSync(path.join(installed, 'weights.bin')).equals(zp.files['weights.bin'] as Buffer)).toBe(true);
    const record = JSON.parse(fs.readFileSync(path.join(installed, 'pack.json'), 'utf8'));
    expect(record.source).toEqual({ kind: 'import', from: 'pack-zip.zip' });
    expect(stagingLeft(h)).toEqual([]);
  });

  it('imports a catalog pack (the tiny multilingual-e5-small fixture) and checks a known pack against the manifest', async () => {
    const h = hub();
    const work = tempDir();
    const fixture = path.join(fixturesDir, 'models', 'multilingual-e5-small');
    const names = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model_quantized.onnx'];
    const files = Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(fixture, n))]));
    const tgz = await tarOf(writePackDir(path.join(work, 'e5'), { id: 'multilingual-e5-small', capability: 'embed', files }), path.join(work, 'e5.tar.gz'), { gzip: true });
    expect(await h.client.call('models.import', { path: tgz })).toMatchObject({ id: 'multilingual-e5-small', capability: 'embed', verified: true });

    // pack.json agrees with its file, but the app's manifest knows the real tesseract-eng: refused.
    const fake = writePackDir(path.join(work, 'fake-eng'), { id: 'tesseract-eng', capability: 'ocr', files: { 'eng.traineddata': 'not really a model' } });
    await expectRefused(h, fake, /eng\.traineddata" has 18 bytes, the app's manifest expects 4113088/);
    const wrongCap = writePackDir(path.join(work, 'wrong-cap'), { id: 'tesseract-eng', capability: 'embed', files: { 'eng.traineddata': 'x' } });
    await expectRefused(h, wrongCap, /serves capability "ocr" in the app's manifest/);
  });

  it('accepts a capability of an installed plugin and refuses one nobody provides', async () => {
    const h = hub();
    const work = tempDir();
    const ok = writePackDir(path.join(work, 'pii'), smallPack('pii-words', { capability: 'pii.mask' }));
    expect(await h.client.call('models.import', { path: ok })).toMatchObject({ id: 'pii-words', capability: 'pii.mask', verified: true });
    const unknown = writePackDir(path.join(work, 'nope'), smallPack('nope-pack', { capability: 'no.such' }));
    await expectRefused(h, unknown, /capability "no\.such" is unknown here \(known: .*embed.*ocr.*pii\.mask.*translate/);
  });
});

describe('models.import: refusals leave the installed packs untouched', () => {
  it('a tampered file (hash or size) is refused and the installed version stays byte-identical', async () => {
    const h = hub();
    const work = tempDir();
    const v1 = smallPack('test-pack');
    await h.client.call('models.import', { path: await tarOf(writePackDir(path.join(work, 'v1'), v1), path.join(work, 'v1.tar')) });
    const installed = path.join(h.layout.models, 'test-pack');
    const before = snapshot(installed);

    const v2 = smallPack('test-pack', { version: '2.0.0' });
    const v2dir = writePackDir(path.join(work, 'v2'), v2);
    const flipped = Buffer.from(v2.files['weights.bin'] as Buffer);
    flipped[100] = flipped[100]! ^ 0xff;
    fs.writeFileSync(path.join(v2dir, 'weights.bin'), flipped);
    await expectRefused(h, await tarOf(v2dir, path.join(work, 'v2-hash.tar')), /"weights\.bin" fails its SHA-256 check against pack\.json/);
    fs.appendFileSync(path.join(v2dir, 'weights.bin'), 'x');
    await expectRefused(h, await tarOf(v2dir, path.join(work, 'v2-size.tgz'), { gzip: true }), /"weights\.bin" has 3001 bytes, pack\.json expects 3000/);
    await expectRefused(h, v2dir, /weights\.bin/);

    expect(snapshot(installed)).toEqual(before);
    expect(await h.client.call('models.list')).toContainEqual(expect.objectContaining({ id: 'test-pack', version: '1.0.0', verified: true }));
  });

  it('path traversal, absolute paths, backslashes and drive letters in a tar are refused', async () => {
    const h = hub();
    const pack = smallPack('evil-tar', { files: { 'x.txt': 'x' } });
    const cases: [string, RegExp][] = [
      ['../evil.txt', /climbs out of the pack/],
      ['sub/../../evil.txt', /climbs out of the pack/],
      ['/tmp/ic-evil.txt', /absolute path/],
      ['sub\\..\\..\\evil.txt', /backslash/],
      ['C:/evil.txt', /drive letter/],
      ['C:evil.txt', /drive letter/],
      ['x.txt:stream', /characters not allowed/],
    ];
    for (const [name, why] of cases) {
      await expectRefused(h, tarWith(pack, [{ name: 'x.txt', body: 'x' }, { name, body: 'evil' }]), why);
    }
    expect(fs.existsSync(path.join(h.layout.root, 'evil.txt'))).toBe(false);
    expect(fs.existsSync(path.join(h.layout.models, 'evil.txt'))).toBe(false);
    expect(fs.existsSync('/tmp/ic-evil.txt')).toBe(false);
  });

  it('path traversal, absolute paths, backslashes and drive letters in a zip are refused', async () => {
    const h = hub();
    const pack = smallPack('evil-zip', { files: { 'x.txt': 'x' } });
    for (const name of ['../evil.txt', 'sub/../../evil.txt', '/tmp/ic-evil.txt', 'sub\\..\\..\\evil.txt', 'C:/evil.txt', 'x.txt:stream']) {
      await expectRefused(h, zipWith(pack, [{ name: 'x.txt', body: 'x' }, { name, body: 'evil' }]), /relative path|absolute path|invalid characters|characters not allowed/);
    }
    expect(fs.existsSync(path.join(h.layout.root, 'evil.txt'))).toBe(false);
    expect(fs.existsSync('/tmp/ic-evil.txt')).toBe(false);
  });

  it('symbolic links, hard links, devices and pipes in archives are refused', async () => {
    const h = hub();
    const pack = smallPack('links', { files: { 'x.txt': 'x' } });
    await expectRefused(h, tarWith(pack, [{ name: 'x.txt', type: '2', linkname: '/etc/passwd' }]), /"x\.txt" is a symbolic link \(to "\/etc\/passwd"\)/);
    await expectRefused(h, tarWith(pack, [{ name: 'x.txt', type: '1', linkname: 'a.txt' }]), /hard link/);
    await expectRefused(h, tarWith(pack, [{ name: 'x.txt', type: '3' }]), /device file/);
    await expectRefused(h, tarWith(pack, [{ name: 'x.txt', type: '6' }]), /named pipe/);
    await expectRefused(h, zipWith(pack, [{ name: 'x.txt', body: '/etc/passwd', mode: 0o120777 }]), /"x\.txt" is a symbolic link/);
  });

  it('a folder pack: a link to a file inside is copied as a file; links out of the pack, dangling links and pipes are refused', async () => {
    const h = hub();
    const work = tempDir();
    const body = randomBytes(500);
    const inside = writePackDir(path.join(work, 'inside'), { id: 'linked', files: { 'a.bin': body, 'b.bin': body } });
    fs.rmSync(path.join(inside, 'b.bin'));
    fs.symlinkSync('a.bin', path.join(inside, 'b.bin'));
    expect(await h.client.call('models.import', { path: inside })).toMatchObject({ id: 'linked', verified: true });
    expect(fs.lstatSync(path.join(h.layout.models, 'linked', 'b.bin')).isFile()).toBe(true);

    const secret = path.join(work, 'secret.txt');
    fs.writeFileSync(secret, 'outside the pack');
    const out = writePackDir(path.join(work, 'out'), { id: 'escape', files: { 'w.bin': 'outside the pack' } });
    fs.rmSync(path.join(out, 'w.bin'));
    fs.symlinkSync(secret, path.join(out, 'w.bin'));
    await expectRefused(h, out, /"w\.bin" is a symbolic link pointing out of the pack/);

    fs.rmSync(path.join(out, 'w.bin'));
    fs.symlinkSync('../out/../secret.txt', path.join(out, 'w.bin'));
    await expectRefused(h, out, /pointing out of the pack/);

    fs.rmSync(path.join(out, 'w.bin'));
    fs.symlinkSync('missing.bin', path.join(out, 'w.bin'));
    await expectRefused(h, out, /symbolic link to something that does not exist/);

    if (spawnSync('mkfifo', ['--help']).status === 0) {
      fs.rmSync(path.join(out, 'w.bin'));
      spawnSync('mkfifo', [path.join(out, 'w.bin')]);
      await expectRefused(h, out, /"w\.bin" is a device, pipe or socket/);
    }
  });

  it('a missing or invalid pack.json, files not listed and files listed but missing are refused', async () => {
    const h = hub();
    const work = tempDir();
    const pack = smallPack('checks', { files: { 'x.txt': 'x' } });
    fs.writeFileSync(path.join(work, 'none.tar'), rawTar([{ name: 'x.txt', body: 'x' }]));
    await expectRefused(h, path.join(work, 'none.tar'), /no pack\.json at the top of the pack/);
    fs.writeFileSync(path.join(work, 'bad-json.tar'), rawTar([{ name: 'pack.json', body: '{"id": ' }, { name: 'x.txt', body: 'x' }]));
    await expectRefused(h, path.join(work, 'bad-json.tar'), /pack\.json is not valid JSON/);
    const badHash = { ...pack, record: { files: [{ path: 'x.txt', size: 1, sha256: 'nothex' }] } };
    await expectRefused(h, tarWith(badHash, [{ name: 'x.txt', body: 'x' }]), /invalid pack\.json: files\.0\.sha256/);
    await expectRefused(h, tarWith(pack, [{ name: 'x.txt', body: 'x' }, { name: 'extra.txt', body: 'y' }]), /"extra\.txt" is in the pack but not listed in pack\.json/);
    await expectRefused(h, tarWith({ ...pack, files: { 'x.txt': 'x', 'y.txt': 'y' } }, [{ name: 'x.txt', body: 'x' }]), /pack\.json lists "y\.txt" but the pack does not contain it/);
    await expectRefused(h, tarWith(pack, [{ name: 'x.txt', body: 'x' }, { name: 'X.TXT', body: 'x' }]), /appears twice|not listed/);
    fs.writeFileSync(path.join(work, 'not-an-archive.tar'), 'hello, this is text');
    await expectRefused(h, path.join(work, 'not-an-archive.tar'), /not a \.tar, \.tar\.gz or \.zip archive/);
    await expect(h.client.call('models.import', { path: path.join(work, 'nothing-here.tar') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('oversized files, archives that expand past their claimed sizes, and too many entries are refused', async () => {
    const h = hub();
    const work = tempDir();
    const limited = async (file: string, limits: Partial<ImportLimits>, why: RegExp) => {
      const before = snapshot(h.layout.models);
      await expect(importPack(h.models, file, { knownCapabilities: () => knownModelCapabilities(h.plugins), limits })).rejects.toThrow(why);
      expect(snapshot(h.layout.models)).toEqual(before);
      expect(stagingLeft(h)).toEqual([]);
    };
    const big = writePackDir(path.join(work, 'big'), smallPack('big-pack'));
    await limited(big, { maxFileBytes: 1000 }, /"weights\.bin" is 3000 bytes, over the limit of 1000 per file/);
    await limited(await tarOf(big, path.join(work, 'big.tgz'), { gzip: true }), { maxTotalBytes: 2000 }, /add up to more than the limit of 2000 bytes/);
    await limited(big, { maxEntries: 2 }, /more than 2 entries/);

    // A zip entry that claims 100 bytes but inflates to 200 kB.
    const zeros = Buffer.alloc(200_000);
    const bomb = zipWith({ id: 'bomb', files: { 'z.bin': zeros } }, [{ name: 'z.bin', body: zeros, deflate: true, declaredSize: 100 }]);
    await limited(bomb, { maxFileBytes: 1000 }, /"z\.bin" expands beyond the 100 bytes its header declares/);
    await expectRefused(h, bomb, /"z\.bin" expands beyond the 100 bytes its header declares/);
    // Declared honestly but over the limit: refused from the header, before inflating anything.
    const honest = zipWith({ id: 'honest', files: { 'z.bin': zeros } }, [{ name: 'z.bin', body: zeros, deflate: true }]);
    await limited(honest, { maxFileBytes: 1000 }, /"z\.bin" is 200000 bytes, over the limit of 1000 per file/);
    // A gzip that inflates far more than its size: the byte count stops it.
    const zpack = { id: 'zeros', files: { 'z.bin': Buffer.alloc(300_000) } };
    const tgz = await tarOf(writePackDir(path.join(work, 'zeros'), zpack), path.join(work, 'zeros.tgz'), { gzip: true });
    expect(fs.statSync(tgz).size).toBeLessThan(2000);
    await limited(tgz, { maxFileBytes: 100_000 }, /over the limit of 100000 per file|expands to more/);
  });
});

describe('models.export', () => {
  it('export → import on a fresh data folder round-trips to a verified, byte-identical pack; never overwrites', async () => {
    const a = hub();
    const work = tempDir();
    const pack = smallPack('round-trip', { capability: 'translate' });
    await a.client.call('models.import', { path: writePackDir(path.join(work, 'src'), pack) });
    const out = path.join(work, 'round-trip.tar');
    const res = await a.client.call('models.export', { id: 'round-trip', path: out });
    expect(res).toEqual({ path: out, bytes: fs.statSync(out).size });
    const firstBytes = fs.readFileSync(out);
    expect(firstBytes.toString('latin1', 0, 9)).toBe('pack.json');

    await expect(a.client.call('models.export', { id: 'round-trip', path: out })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already exists/) });
    expect(fs.readFileSync(out).equals(firstBytes)).toBe(true);
    await expect(a.client.call('models.export', { id: 'not-installed', path: path.join(work, 'x.tar') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(a.client.call('models.export', { id: 'round-trip', path: path.join(work, 'no', 'such', 'x.tar') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const gz = path.join(work, 'round-trip.tar.gz');
    await a.client.call('models.export', { id: 'round-trip', path: gz });
    expect(fs.readFileSync(gz).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    for (const archive of [out, gz]) {
      const b = hub();
      expect(await b.client.call('models.import', { path: archive })).toMatchObject({ id: 'round-trip', capability: 'translate', verified: true });
      expect(await b.client.call('models.verify', { id: 'round-trip' })).toEqual([{ id: 'round-trip', ok: true, problems: [] }]);
      const strip = (s: Record<string, string>) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'pack.json'));
      expect(strip(snapshot(path.join(b.layout.models, 'round-trip')))).toEqual(strip(snapshot(path.join(a.layout.models, 'round-trip'))));
      expect(snapshot(path.join(b.layout.models, 'round-trip'))['sub/vocab.txt']).toBe(sha256('alpha\nbeta\ngamma\n'));
    }
  });

  const appEng = path.join(appPacksDir(), 'tesseract-eng', 'pack.json');
  it.runIf(fs.existsSync(appEng))("an app pack (tesseract-eng, prepared) exports and imports as a data pack, checked against the manifest's hashes", async () => {
    const a = hub();
    const out = path.join(tempDir(), 'eng.tar');
    await a.client.call('models.export', { id: 'tesseract-eng', path: out });
    const b = hub();
    expect(await b.client.call('models.import', { path: out })).toMatchObject({ id: 'tesseract-eng', location: 'data', verified: true, source: 'import:eng.tar' });
    expect(fs.readFileSync(path.join(b.layout.models, 'tesseract-eng', 'eng.traineddata')).length).toBe(4113088);
  });

  it('a damaged pack is not exported', async () => {
    const a = hub();
    const work = tempDir();
    await a.client.call('models.import', { path: writePackDir(path.join(work, 'src'), smallPack('damaged')) });
    fs.writeFileSync(path.join(a.layout.models, 'damaged', 'sub', 'vocab.txt'), 'ALPHA\nBETA\nGAMMA\n');
    const out = path.join(work, 'damaged.tar');
    await expect(a.client.call('models.export', { id: 'damaged', path: out })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringMatching(/fails verification/) });
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('ic models import / export', () => {
  it('exit 0 on success, 1 with one line when refused or the target exists, 2 on usage errors', async () => {
    const data = tempDir();
    const work = tempDir();
    const good = await tarOf(writePackDir(path.join(work, 'good'), smallPack('cli-pack')), path.join(work, 'good.tar'));
    const evil = tarWith(smallPack('cli-evil', { files: { 'x.txt': 'x' } }), [{ name: '../evil.txt', body: 'evil' }], path.join(work, 'evil.tar'));

    const ok = ic(['models', 'import', good, '--json', '--data-dir', data]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.lines).toEqual([expect.objectContaining({ id: 'cli-pack', verified: true, source: 'import:good.tar' })]);
    const text = ic(['models', 'import', good, '--data-dir', data]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^imported cli-pack 1\.0\.0 \(embed, .* MB, verified\)/);

    const refused = ic(['models', 'import', evil, '--data-dir', data]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr.trim()).toMatch(/^ic: cannot import evil\.tar: entry "\.\.\/evil\.txt" climbs out of the pack \(".."\) \(BAD_REQUEST\)$/);

    const out = path.join(work, 'cli-pack.tar');
    const exported = ic(['models', 'export', 'cli-pack', out, '--json', '--data-dir', data]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.lines).toEqual([{ path: out, bytes: fs.statSync(out).size }]);
    const again = ic(['models', 'export', 'cli-pack', out, '--data-dir', data]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toMatch(/^ic: .*already exists.*\(CONFLICT\)$/);

    const fresh = ic(['models', 'import', out, '--json', '--data-dir', tempDir()]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.lines[0]).toMatchObject({ id: 'cli-pack', verified: true });

    for (const args of [['models', 'import'], ['models', 'import', good, out], ['models', 'import', good, '--bogus'], ['models', 'export', 'cli-pack'], ['models', 'export']]) {
      const r = ic([...args, '--data-dir', data]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^ic: /);
    }
  });
});
