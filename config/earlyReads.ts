import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import ts from 'typescript';
import type { Compiler } from 'webpack';

/**
 * A webpack plugin for the H5 build: the opening page's first reads leave from index.html itself.
 *
 * The app sends a page's first reads as soon as it runs (src/services/firstReads.ts), but it runs
 * only once vendors has arrived (~1.1 s on a phone's network); then each read is one more round
 * trip before the page can show anything. This plugin writes into index.html, at the end of
 * <head> (it runs once app.css has arrived, so the first paint is not slowed), a script that sends
 * those reads at once with fetch and leaves the answers in `window.__hukouEarlyReads`, where the
 * app picks them up for the page's own calls. The table of reads, the route parser, the key of an
 * answer and where the H5 persona is kept are the app's own files (SOURCES), made plain JavaScript
 * here: one table, not two.
 * `npm run bench:phone -- --trace` shows the reads leaving before vendors has arrived.
 */
const NAME = 'EarlyReads';
const ROOT = path.resolve(__dirname, '..');
/** The app's files the script is made of; none may import anything but types. */
export const SOURCES = ['src/services/routeOfHash.ts', 'src/services/earlyAnswers.ts', 'src/services/firstReadPlan.ts', 'src/services/personaStorage.ts'];

function plain(file: string): string {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const out = ts.transpileModule(source, { compilerOptions: { target: ts.ScriptTarget.ES2017, module: ts.ModuleKind.CommonJS, removeComments: true } });
  if (/\brequire\(/.test(out.outputText)) throw new Error(`${file} imports at run time: index.html cannot run it`);
  return `!function(exports){${out.outputText}}(m);`;
}

/** The inline script, minified. Any failure is silent: the app then sends the reads itself. */
export function earlyReadsScript(): string {
  const script =
    `!function(){try{var m={};${SOURCES.map(plain).join('')}` +
    `var r=m.routeOfHash(location.hash),reads=m.firstReadPlan(r.route,r.params),who=m.DEFAULT_PERSONA;` +
    `try{var s=JSON.parse(localStorage.getItem(m.PERSONA_KEY)||"null");if(s&&typeof s.data==="string"&&s.data)who=s.data}catch(e){}` +
    `var sent=[];reads.forEach(function(x){var answer=fetch("/fn/"+x[0],{method:"POST",headers:{"content-type":"application/json","X-Local-Openid":who},` +
    `body:JSON.stringify({action:x[1],data:x[2],requestId:Date.now().toString(36)+Math.random().toString(36).slice(2,10)})}).then(function(res){return res.json()});` +
    `answer.catch(function(){});sent.push({key:m.answerKey(x[0],x[1],x[2],who),at:Date.now(),answer:answer})});` +
    `window[m.INLINE_READS]=sent}catch(e){}}();`;
  return transformSync(script, { minify: true, target: 'es2017' }).code.trim();
}

export class EarlyReadsPlugin {
  constructor(private readonly options: { html?: string } = {}) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 }, () => {
        const html = this.options.html ?? 'index.html';
        const asset = compilation.getAsset(html);
        if (!asset) return;
        const source = asset.source.source().toString();
        const at = source.indexOf('</head>');
        if (at < 0) return;
        compilation.updateAsset(html, new sources.RawSource(`${source.slice(0, at)}<script>${earlyReadsScript()}</script>${source.slice(at)}`));
      });
    });
  }
}
