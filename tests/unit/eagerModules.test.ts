import { parse } from 'acorn';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/build-functions';
import { compileModulesEagerly } from '../../scripts/eagerModules';
import { FUNCTIONS_SRC, ROOT } from '../../scripts/functionBundles';

/** scripts/eagerModules.ts: a bundle's module factories written so that V8 compiles each once. */

// Bundling is slow on a busy machine: a generous bound, only to end a hung run.
jest.setTimeout(300_000);

/** esbuild's minified helpers, in the shape the rewrite looks for, and modules using them. */
const BUNDLE = `"use strict";
var req=(e,t)=>()=>(t||e((t={exports:{}}).exports,t),t.exports),init=(e,t)=>()=>(e&&(t=e(e=0)),t);
var a=req((x,m)=>{m.exports={n:41,inc(){return this.n+1}}});
var b=req(x=>{x.self=this===void 0?'undefined':typeof this});
var c=req(function(x,m){m.exports=arguments.length});
var d=req((x,m)=>{m.exports=(...r)=>r.length+(typeof arguments)});
var v,e=init(()=>{v=a().inc()});
var f=req((x,m)=>{class K{constructor(){this.k=1}};m.exports=new K().k});
e();
module.exports={v,b:b().self,c:c(),d:d()(1,2),f:f()};
`;

function run(code: string): unknown {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}

describe('compileModulesEagerly', () => {
  it('rewrites module factories as parenthesized function expressions and keeps what the bundle computes', () => {
    const { code, rewritten, keptLazy } = compileModulesEagerly(BUNDLE);
    expect(run(code)).toEqual(run(BUNDLE));
    expect(code).toContain('req((function(x,m){m.exports={n:41');
    expect(code).toContain('init((function(){v=a().inc()}))');
    expect(code).toContain('req((function(x,m){class K{constructor(){this.k=1}}');
    // b uses the enclosing `this`, d `arguments` in an inner arrow: left as arrows; c is a function already.
    expect(rewritten).toBe(3);
    expect(keptLazy).toBe(2);
  });

  it('leaves alone an arrow using its enclosing this or arguments', () => {
    const { code } = compileModulesEagerly(BUNDLE);
    expect(code).toContain('req(x=>{x.self=this');
    expect(code).toContain('req((x,m)=>{m.exports=(...r)=>r.length+(typeof arguments)})');
  });

  it('a real bundle: every module factory of esbuild is rewritten (an esbuild upgrade changing its helpers fails here)', async () => {
    const out = path.join(tmpdir(), 'unused', 'index.js');
    const result = await build({ ...bundleOptions(path.join(FUNCTIONS_SRC, 'guide', 'index.ts'), out, 'guide', new Date()), write: false, absWorkingDir: ROOT });
    const text = result.outputFiles!.find((f) => f.path.endsWith('.js'))!.text;
    expect(compileModulesEagerly(text).rewritten).toBe(0);
    const factories = [...text.matchAll(/[\w$]+\(\(function\(/g)].length;
    expect(factories).toBeGreaterThan(50);
    // No factory left as an arrow: `=x((a,b)=>{` is what esbuild writes before the rewrite.
    const program = parse(text, { ecmaVersion: 'latest' });
    expect(program.body.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/=[\w$]+\(\(?[\w$]*(,[\w$]+)*\)?=>\{"use strict"/);
  });
});
