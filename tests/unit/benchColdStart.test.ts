import { spawnSync } from 'node:child_process';
import { REPORT_CPU, cpuMsFrom, runNode } from '../../scripts/bench-coldstart';

/** `npm run bench:coldstart` reports each process's CPU time beside its wall-clock time (docs/PERFORMANCE.md). */
describe('the CPU time a cold-start run reports', () => {
  it('a process given REPORT_CPU writes its CPU time on descriptor 3; the bench reads it in ms', () => {
    const ms = cpuMsFrom(runNode(`let x=0;for(let i=0;i<1e6;i++)x+=i${REPORT_CPU}`, process.cwd()).fd3);
    expect(ms).toBeGreaterThan(1);
    expect(ms).toBeLessThan(60_000);
  });

  it('reporting the CPU time sets up no stream: the baseline stays a bare node (stdout would load net and stream)', () => {
    const report = spawnSync(process.execPath, ['-e', `0${REPORT_CPU};process.on('exit',()=>require('fs').writeSync(4,process.moduleLoadList.join(',')))`], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    });
    expect(report.status).toBe(0);
    const loaded = report.output[4]!.toString().split(',');
    expect(loaded.filter((m) => ['NativeModule net', 'NativeModule stream', 'NativeModule tty'].includes(m))).toEqual([]);
  });

  it('reads the last report only, in ms; no report is an error naming what came instead', () => {
    expect(cpuMsFrom('cpu-us 45678')).toBe(45.678);
    expect(() => cpuMsFrom('crashed before exit')).toThrow(/no CPU time reported: "crashed before exit"/);
  });
});
