/**
 * The NutUI components the app uses, each with its own stylesheet (never the whole dist/style.css,
 * which would weigh on the 2 MB main package).
 */
import '@nutui/nutui-react-taro/dist/es/packages/configprovider/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/css';

import { createElement, type ComponentProps } from 'react';
import { Button as NutButton } from '@nutui/nutui-react-taro';

export { ConfigProvider, SearchBar } from '@nutui/nutui-react-taro';

type ButtonProps = ComponentProps<typeof NutButton>;

/**
 * NutUI's Button. On H5 it renders Taro's <taro-button-core>, which has no role and takes no
 * focus: it gets role button, tabIndex, aria-disabled and Enter/Space (weapp's <button> has them).
 */
export function Button(props: ButtonProps) {
  if (process.env.TARO_ENV !== 'h5') return createElement(NutButton, props);
  const off = Boolean(props.disabled || props.loading);
  const onKeyDown = (e: { key: string; preventDefault(): void; currentTarget: unknown }) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    (e.currentTarget as { click?: () => void }).click?.();
  };
  return createElement(NutButton, { role: 'button', tabIndex: off ? -1 : 0, 'aria-disabled': off || undefined, onKeyDown, ...props } as ButtonProps);
}

// Not NutUI's Empty: its default pictures come from a third-party CDN. Ours draws its mark locally.
export { Empty } from './Empty';
