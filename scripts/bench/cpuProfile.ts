/**
 * A CPU profile of part of a bench (e.g. `HUKOU_BENCH_PROFILE=hallDay npm run bench -- scale`): only
 * the measured calls, not the seeding before them. Written to `<name>.cpuprofile` in the current
 * folder, for Chrome DevTools or any .cpuprofile viewer.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

export async function profileWhile<T>(name: string | undefined, run: () => Promise<T>): Promise<T> {
  if (!name) return run();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${name}.cpuprofile`, JSON.stringify(profile));
    process.stdout.write(`(CPU profile written to ${name}.cpuprofile)\n`);
    session.disconnect();
  }
}
