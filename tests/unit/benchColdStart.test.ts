import { spawnSync } from 'node:child_process';
import { REPORT_CPU, cpuMsFrom } from '../../scripts/bench-coldstart';

/** `npm run bench:coldstart` reports each process's CPU time beside its wall-clock time (docs/PERFORMANCE.md). */
describe('the CPU time a cold-start run reports', () => {
  it('a process given REPORT_CPU writes its CPU time last; the bench reads it in ms', () => {
    const run = spawnSync(process.execPath, ['-e', `process.stdout.write('loaded');let x=0;for(let i=0;i<1e6;i++)x+=i${REPORT_CPU}`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const ms = cpuMsFrom(run.stdout);
    expect(ms).toBeGreaterThan(1);
    expect(ms).toBeLessThan(60_000);
  });

  it('reads the last report only, in ms; no report is an error naming what came instead', () => {
    expect(cpuMsFrom('output\ncpu-us 12\nmore\ncpu-us 45678')).toBe(45.678);
    expect(() => cpuMsFrom('crashed before exit')).toThrow(/no CPU time reported: "crashed before exit"/);
  });
});
