/**
 * core/guide's and core/reissue's schemas are zod/mini (issue 14, cold start): classic zod is a few times the code to
 * compile when a function's bundle loads (docs/PERFORMANCE.md). A file importing classic zod there
 * would bring it back into every bundle that reaches them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const AREAS = ['core/guide', 'core/reissue'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : [],
  );
}

describe.each(AREAS)('%s', (area) => {
  it("imports zod only as 'zod/mini'", () => {
    const classic = sources(area).filter((file) => /from ['"]zod['"]/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    expect(classic).toEqual([]);
  });
});
