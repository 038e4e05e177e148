import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro';
import { mergeInternalComponents } from '@tarojs/shared';
import { watchPrivacyAuthorization } from './services/privacyAuthorization';
import './app.scss';

// WeChat has no template for <i>: NutUI icons must render as a view there.
if (process.env.TARO_ENV === 'weapp') configureIcons({ tag: 'view' });

/** WeChat's accessibility attributes, as config/ariaAttributes.ts declares them in the template. */
const ARIA_ATTRIBUTES = ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-pressed', 'aria-disabled', 'aria-level', 'aria-hidden'];
if (process.env.TARO_ENV === 'weapp') {
  const attrs = Object.fromEntries(ARIA_ATTRIBUTES.map((a) => [a, '']));
  mergeInternalComponents({ View: attrs, Text: attrs });
}

// weapp: dayjs (core/time/shanghai), which three subpackages use, is referenced by the main package
// so it is kept there once, not copied into each. Not through optimizeMainPackage's `exclude`: Taro's
// MiniSplitChunksPlugin stops walking a subpackage's modules at the first excluded one, so modules
// sorted after dayjs (qrcode, 20 KiB) were left in the main package too (tests/miniprogram/weappPackages).
if (process.env.TARO_ENV === 'weapp') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('../core/time/shanghai');
}

// H5: the opening page's first reads go out now, while its code is still loading (see the file).
// A require in a branch the build knows is dead on weapp: the mini-program's main package does not
// carry the table (its pages' code is on the phone already).
if (process.env.TARO_ENV === 'h5') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require('./services/firstReads') as typeof import('./services/firstReads')).askFirstReads(window.location.hash);
}

declare const CLOUDBASE_ENV_ID: string | undefined;

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp' && Taro.cloud) {
      Taro.cloud.init({ env: CLOUDBASE_ENV_ID || undefined, traceUser: true });
    }
    watchPrivacyAuthorization();
  });
  return children;
}

export default App;
