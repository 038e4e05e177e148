/**
 * Imports the content of data/ (categories, guides, halls) by stable id, so running it again
 * changes nothing. Locally: into a running local cloud (`npm run seed -- --url http://127.0.0.1:8787`);
 * `npm start` already does this at every start.
 */
import { localDatabase } from '../devcloud/localDatabase';
import { importContent } from './seed/importContent';
import { loadSeedContent } from './seed/loadSeedContent';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--url');
  const url = at > 0 ? process.argv[at + 1] : `http://127.0.0.1:${process.env.PORT ?? 8787}`;
  const content = loadSeedContent();
  const reports = await importContent(localDatabase(url), content);
  for (const r of reports) console.log(`${r.collection}: ${r.written} written${r.stale.length ? `, not in data/: ${r.stale.join(', ')}` : ''}`);
}

main().catch((e: unknown) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
