import path from 'node:path';

/**
 * Runs the real weapp build (dist/weapp) inside miniprogram-simulate (j-component), the way the
 * WeChat runtime would: App() once for app.js, then one Page() per opened page, each rendered from
 * its compiled wxml by the official compiler (wcc) and driven by Taro's runtime through setData.
 *
 * miniprogram-simulate only knows custom components, so Page() here is a shim that registers the
 * page as a component and maps the page lifecycle onto component lifetimes:
 * attached → onLoad(query) + onShow(), ready → onReady(), detached → onHide() + onUnload().
 */

/** The part of j-component's component wrapper these tests use (its own typings need WechatMiniprogram). */
export interface SimComponent {
  readonly dom: HTMLElement | undefined;
  readonly data: Record<string, unknown>;
  dispatchEvent(eventName: string, options?: { detail?: unknown }): void;
  querySelector(selector: string): SimComponent | undefined;
  querySelectorAll(selector: string): SimComponent[];
}

export interface SimRootComponent extends SimComponent {
  attach(parent: Node): void;
  detach(): void;
}

interface Simulate {
  load(componentPath: string, options?: { compiler?: 'official' | 'simulate'; rootPath?: string }): string;
  render(id: string, properties?: Record<string, unknown>): SimRootComponent;
}

/** What Taro's createReactApp hands to App(): lifecycle methods on an object. */
type AppInstance = Record<string, unknown> & {
  onLaunch?: (options: unknown) => void;
  onShow?: (options: unknown) => void;
};

/** A page instance as the page's own code sees it (`this` in Taro's page config). */
export type PageInstance = Record<string, unknown> & { route: string; options: Record<string, string> };

export interface OpenedPage {
  route: string;
  /** The page's j-component root; query it, dispatch events on it. */
  root: SimRootComponent;
  /** The page's rendered DOM (its shadow tree). */
  dom: HTMLElement;
  close(): void;
}

export interface MiniProgram {
  app: AppInstance;
  /** Loads, renders and attaches a page of the build (e.g. 'pages/index/index'); a route opened again is a new instance. */
  openPage(route: string, query?: Record<string, string>): OpenedPage;
  /** getCurrentPages() */
  pages(): PageInstance[];
  /**
   * Warnings of the compiled WXML runtime (`WXMLRT_…`, e.g. "Template `tmpl_0_x` not found": a node
   * the build has no template for, which WeChat would not draw either). Kept here, not printed.
   */
  wxmlWarnings: string[];
  /** Restores console.warn. */
  close(): void;
}

export interface BootOptions {
  /** The build's root (the folder with app.js / app.json). */
  distDir: string;
  /** Merged over miniprogram-simulate's `wx` mocks before any of the build's code runs. */
  wx: Record<string, unknown>;
  /** Route the mini-program "launches" on (App.onLaunch/onShow options.path). */
  entry: string;
}

type Lifecycle = (this: PageInstance, ...args: unknown[]) => unknown;

export function bootMiniProgram(opts: BootOptions): MiniProgram {
  // Requiring it defines global.Component / global.Behavior / global.wx (its API mocks) in this test's sandbox.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as unknown as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;
  Object.assign(wx, opts.wx);

  const wxmlWarnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('WXMLRT_')) wxmlWarnings.push(args[0]);
    else warn(...args);
  };

  let app: AppInstance | undefined;
  const stack: PageInstance[] = [];
  let opening: { route: string; query: Record<string, string> } | undefined;
  /** The page being attached now: a page opened again reads its own query here. */
  let attaching: { route: string; query: Record<string, string> } | undefined;
  /** Component ids of the pages loaded: a route opened again renders a new instance of it. */
  const loaded = new Map<string, string>();

  g.App = (config: AppInstance) => {
    if (app) throw new Error('App() called twice');
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => stack.slice();
  g.Page = (options: Record<string, unknown>) => {
    if (!opening) throw new Error('Page() ran outside openPage()');
    const { route } = opening;
    const { data, behaviors, ...rest } = options;
    const methods: Record<string, Lifecycle> = {};
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (typeof value === 'function') methods[key] = value as Lifecycle;
      else fields[key] = value;
    }
    const call = (page: PageInstance, name: string, ...args: unknown[]) => {
      const fn = page[name];
      if (typeof fn === 'function') (fn as Lifecycle).apply(page, args);
    };
    (g.Component as (def: Record<string, unknown>) => void)({
      data,
      ...(behaviors ? { behaviors } : {}),
      methods,
      lifetimes: {
        created(this: PageInstance) {
          Object.assign(this, fields);
        },
        attached(this: PageInstance) {
          const query = attaching?.route === route ? attaching.query : {};
          this.route = route;
          this.__route__ = route;
          this.options = { ...query };
          stack.push(this);
          call(this, 'onLoad', { ...query });
          call(this, 'onShow');
        },
        ready(this: PageInstance) {
          call(this, 'onReady');
        },
        detached(this: PageInstance) {
          call(this, 'onHide');
          call(this, 'onUnload');
          const at = stack.indexOf(this);
          if (at >= 0) stack.splice(at, 1);
        },
      },
    });
  };

  // app.js requires common / vendors / taro / runtime itself (webpack chunks on wx.webpackJsonp).
  let booted: AppInstance | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(path.join(opts.distDir, 'app.js'));
    booted = (g.getApp as () => AppInstance | undefined)();
    if (!booted) throw new Error(`${opts.distDir}/app.js did not call App()`);
  } catch (e) {
    console.warn = warn;
    throw e;
  }
  const launch = { path: opts.entry, query: {}, scene: 1001, referrerInfo: {} };
  booted.onLaunch?.(launch);
  booted.onShow?.(launch);

  return {
    app: booted,
    pages: () => stack.slice(),
    wxmlWarnings,
    close() {
      console.warn = warn;
    },
    openPage(route, query = {}) {
      opening = { route, query };
      try {
        // The page's js (required by simulate.load) pushes its chunk and calls Page(); its
        // usingComponents (Taro's recursive `comp`) are registered the same way.
        let id = loaded.get(route);
        if (!id) {
          id = simulate.load(path.join(opts.distDir, route), { rootPath: opts.distDir });
          loaded.set(route, id);
        }
        const root = simulate.render(id);
        const host = document.createElement('page-host');
        document.body.appendChild(host);
        attaching = { route, query };
        try {
          root.attach(host);
        } finally {
          attaching = undefined;
        }
        const dom = root.dom;
        if (!dom) throw new Error(`${route} rendered no DOM`);
        return {
          route,
          root,
          dom,
          close() {
            root.detach();
            host.remove();
          },
        };
      } finally {
        opening = undefined;
      }
    },
  };
}
