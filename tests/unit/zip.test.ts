import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { zipDirectory } from '../../scripts/deploy/zip';

/** Reads a zip back through its central directory, checking sizes and CRCs. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const crc = zip.readUInt32LE(at + 16);
    const packedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + packedSize));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    files.set(name, data);
    at += 46 + nameLength;
  }
  return files;
}

test('zipDirectory writes a deflated archive with the folder’s files at its root', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hukou-zip-'));
  const big = 'module.exports = ' + JSON.stringify('户政'.repeat(50_000)) + ';\n';
  writeFileSync(path.join(dir, 'index.js'), big);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"x"}\n');
  mkdirSync(path.join(dir, 'lib'));
  writeFileSync(path.join(dir, 'lib', 'a.js'), '');
  const zip = zipDirectory(dir);
  const files = unzip(zip);
  expect([...files.keys()]).toEqual(['index.js', 'lib/a.js', 'package.json']);
  expect(files.get('index.js')!.toString('utf8')).toBe(big);
  expect(zip.length).toBeLessThan(Buffer.byteLength(big) / 10);
});
