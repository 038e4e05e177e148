import type { Compiler } from 'webpack';

/**
 * A webpack plugin for the H5 build: the page's own chunks start downloading with the app's.
 *
 * Taro's H5 router loads a page's chunks (its code, the components it shares with other pages, its
 * CSS) only once vendors and app have been downloaded and run: on a phone's network that is a
 * second round of downloads after the first (~1 s at 1.6 Mbit/s, 150 ms round trips). This plugin
 * writes, into index.html at the end of <head>, the table route → chunk files (taken from
 * webpack's chunk graph, so it follows config/index.ts's splitChunks) and a few lines that add a
 * `<link rel="preload">` for the chunks of the route in the address (`#/pages/guide/index?id=…`;
 * none: the first page). When the router asks for them they are already there or on the way.
 * At the end of <head>, after the stylesheet, the script runs once app.css has arrived (a script
 * waits for the stylesheets before it): the page's chunks then do not share the slow link with
 * the one file the first paint waits for, and vendors and app (found by the browser's preload
 * scanner) have started already.
 * `npm run bench:phone -- --trace` shows the downloads before and after.
 */
const NAME = 'RoutePreload';

/** The page an address without a route shows: src/app.config.ts's first (tests/unit/routePreload checks). */
export const FIRST_PAGE = 'pages/index/index';

/** The page a lazy chunk group is loaded for: `./pages/guide/index` → `pages/guide/index`. */
export function routeOf(request: string | undefined): string | undefined {
  const m = /^\.\/((?:pages|packages)\/[\w/-]+)$/.exec(request ?? '');
  return m?.[1];
}

/** The inline script: table of files, routes as indexes into it, the first page for an empty hash. */
export function preloadScript(publicPath: string, routes: Record<string, string[]>, firstPage: string): string {
  const files = [...new Set(Object.values(routes).flat())].sort();
  const table = Object.fromEntries(Object.entries(routes).map(([route, fs]) => [route, fs.map((f) => files.indexOf(f))]));
  const data = JSON.stringify({ p: publicPath, f: files, r: table, d: firstPage });
  return (
    `!function(m){var r=location.hash.replace(/^#\\/?/,"").split("?")[0]||m.d;(m.r[r]||[]).forEach(function(i){` +
    `var f=m.f[i],l=document.createElement("link");l.rel="preload";l.as=/\\.css$/.test(f)?"style":"script";l.href=m.p+f;document.head.appendChild(l)})}(${data});`
  );
}

export class RoutePreloadPlugin {
  constructor(private readonly options: { publicPath: string; firstPage: string; html?: string }) {}

  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // After HtmlWebpackPlugin wrote index.html (OPTIMIZE_INLINE) and before the real content hashes
      // (OPTIMIZE_HASH), which then rewrite the file names in our table as everywhere else.
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 }, () => {
        const html = this.options.html ?? 'index.html';
        const asset = compilation.getAsset(html);
        if (!asset) return;
        const routes: Record<string, string[]> = {};
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue;
          const route = group.origins.map((o) => routeOf(o.request)).find(Boolean);
          if (!route) continue;
          routes[route] = group.chunks.flatMap((c) => [...c.files]).filter((f) => /\.(js|css)$/.test(f));
        }
        if (!Object.keys(routes).length) return;
        const source = asset.source.source().toString();
        const at = source.indexOf('</head>');
        if (at < 0) return;
        const tag = `<script>${preloadScript(this.options.publicPath, routes, this.options.firstPage)}</script>`;
        compilation.updateAsset(html, new sources.RawSource(source.slice(0, at) + tag + source.slice(at)));
      });
    });
  }
}
