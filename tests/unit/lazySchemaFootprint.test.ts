import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * Every lazy schema of a function is declared when its bundle loads (hundreds per bundle), so what a
 * declaration keeps is allocated on every cold start (docs/PERFORMANCE.md). One handler shared by all
 * and the pending state in the Proxy's target keep it near 270 bytes; a Proxy, handler and closures
 * of its own per schema kept about 870.
 */

// A child process with tsx on a busy machine: a generous bound, only to end a hung run.
jest.setTimeout(120_000);

test('a declared lazy schema keeps under 500 bytes of heap until it is built', () => {
  const root = path.resolve(__dirname, '../..');
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'tests/fixtures/lazySchema/footprint.ts')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 110_000,
  });
  expect(run.stderr).toBe('');
  const { bytesPerSchema, kept } = JSON.parse(run.stdout) as { bytesPerSchema: number; kept: number };
  expect(kept).toBe(20_000);
  expect(bytesPerSchema).toBeLessThan(500);
});
