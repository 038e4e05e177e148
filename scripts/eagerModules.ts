/**
 * A function bundle's modules compiled once instead of twice at a cold start.
 *
 * esbuild wraps each bundled module in a factory passed to one of its helpers (`__commonJS`,
 * `__esm`): minified, `var x=_((e,t)=>{…})`. V8 compiles such an arrow lazily. When the bundle is
 * loaded it pre-parses the factory's body only to find where it ends. When the factory is first
 * called (almost every one is, while the bundle loads), it parses the body again in full. A function
 * expression in parentheses, `_((function(e,t){…}))`, is one V8 compiles at once: it takes it for an
 * immediately invoked function (the "PIFE" heuristic). So each factory is parsed once. On the business
 * bundle this took 3 ms of 39 off a cold start (docs/PERFORMANCE.md, `npm run bench:coldstart`).
 *
 * Only arrows with a block body and no `this`, `arguments`, `super` or `new.target` of their own are
 * rewritten. For those, `function` behaves exactly as the arrow (neither is ever called with `new`).
 * esbuild itself writes `exports` for a CommonJS module's top-level `this`. The helpers are found by
 * their shape, not their minified names: a top-level `(a,b[,c])=>()=>…`, a module's thunk maker.
 * tests/unit/eagerModules.test.ts checks the rewrite keeps behaviour and that a real bundle's
 * factories are all rewritten (an esbuild upgrade that changes the helpers' shape fails it).
 */
import { parse, type Node } from 'acorn';
import type { Plugin } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface AnyNode extends Node {
  [key: string]: unknown;
}

function isNode(value: unknown): value is AnyNode {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

function children(node: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (Array.isArray(value)) found.push(...value.filter(isNode));
    else if (isNode(value)) found.push(value);
  }
  return found;
}

/** Whether the arrow's body refers to its enclosing `this`, `arguments`, `super` or `new.target`. */
function usesEnclosingScope(arrow: AnyNode): boolean {
  const pending = [arrow.body as AnyNode];
  while (pending.length) {
    const node = pending.pop()!;
    if (node.type === 'ThisExpression' || node.type === 'Super' || node.type === 'MetaProperty') return true;
    if (node.type === 'Identifier' && node.name === 'arguments') return true;
    // A nested function has its own; a class body its own `this` (but its computed keys and heritage do not).
    if (node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') continue;
    pending.push(...children(node));
  }
  return false;
}

/** Names of the top-level helpers shaped `(a, b[, c]) => () => …`: esbuild's `__commonJS` and `__esm`. */
function moduleHelpers(program: AnyNode): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body as AnyNode[]) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declarations as AnyNode[]) {
      const init = declarator.init as AnyNode | null;
      const id = declarator.id as AnyNode;
      if (id.type !== 'Identifier' || !init || init.type !== 'ArrowFunctionExpression') continue;
      const params = init.params as AnyNode[];
      const body = init.body as AnyNode;
      if (params.length >= 2 && params.length <= 3 && body.type === 'ArrowFunctionExpression' && (body.params as AnyNode[]).length === 0) names.add(id.name as string);
    }
  }
  return names;
}

export interface EagerModules {
  code: string;
  /** Module factories rewritten. */
  rewritten: number;
  /** Calls of a helper whose factory was left as it was (it uses its enclosing `this` or `arguments`). */
  keptLazy: number;
}

/** `code` (a bundle) with its module factories written as parenthesized function expressions. */
export function compileModulesEagerly(code: string): EagerModules {
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true }) as unknown as AnyNode;
  const helpers = moduleHelpers(program);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let keptLazy = 0;
  const pending: AnyNode[] = [program];
  while (pending.length) {
    const node = pending.pop()!;
    pending.push(...children(node));
    if (node.type !== 'CallExpression') continue;
    const callee = node.callee as AnyNode;
    const factory = (node.arguments as AnyNode[])[0];
    if (callee.type !== 'Identifier' || !helpers.has(callee.name as string) || factory?.type !== 'ArrowFunctionExpression') continue;
    const body = factory.body as AnyNode;
    if (body.type !== 'BlockStatement' || factory.async || usesEnclosingScope(factory)) {
      keptLazy++;
      continue;
    }
    const params = (factory.params as AnyNode[]).map((p) => code.slice(p.start, p.end)).join(',');
    edits.push({ start: factory.start, end: body.start, text: `(function(${params})` }, { start: factory.end, end: factory.end, text: ')' });
  }
  edits.sort((a, b) => b.start - a.start);
  let result = code;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return { code: result, rewritten: edits.length / 2, keptLazy };
}

/**
 * Rewrites each JavaScript output of the build (in memory with `write: false`, else on disk: esbuild
 * has written the files when on-end callbacks run).
 */
export function eagerModulesPlugin(): Plugin {
  return {
    name: 'hukou-eager-modules',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length) return;
        if (result.outputFiles) {
          result.outputFiles = result.outputFiles.map((file) => {
            if (!file.path.endsWith('.js')) return file;
            const contents = new TextEncoder().encode(compileModulesEagerly(file.text).code);
            return { path: file.path, contents, hash: file.hash, text: new TextDecoder().decode(contents) };
          });
          return;
        }
        for (const output of Object.keys(result.metafile?.outputs ?? {}).filter((file) => file.endsWith('.js'))) {
          const file = path.resolve(build.initialOptions.absWorkingDir ?? process.cwd(), output);
          writeFileSync(file, compileModulesEagerly(readFileSync(file, 'utf8')).code);
        }
      });
    },
  };
}
