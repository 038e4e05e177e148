import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import { ConfigProvider } from './nutui';
import { useElderMode } from '../services/elderMode';
import { PrivacyPrompt } from './PrivacyPrompt';
import './PageShell.scss';

const theme = {
  nutuiColorPrimary: '#1f5fbf',
  nutuiColorPrimaryStop1: '#1f5fbf',
  nutuiColorPrimaryStop2: '#2f74d8',
  // A disabled primary button: pale blue, not NutUI's default pink.
  nutuiColorPrimaryDisabledSpecial: '#a9c1e6',
};

/** Every page's frame: the government-blue theme and the large-text mode. */
export function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [elder] = useElderMode();
  return (
    <ConfigProvider theme={theme}>
      <View className={`page ${elder ? 'page--elder' : ''} ${className ?? ''}`}>
        {children}
        {process.env.TARO_ENV === 'weapp' && <PrivacyPrompt />}
      </View>
    </ConfigProvider>
  );
}
