import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderApiDocs } from './renderApiDocs';

const file = path.resolve(__dirname, '..', '..', 'docs', 'API.md');
writeFileSync(file, renderApiDocs());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
