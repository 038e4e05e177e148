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

/** 长辈模式: a darker blue, so white on it and it on white reach 7:1. */
const elderTheme = {
  ...theme,
  nutuiColorPrimary: '#174a96',
  nutuiColorPrimaryStop1: '#174a96',
  nutuiColorPrimaryStop2: '#174a96',
  nutuiColorText: '#000',
};

/** Every page's frame: the government-blue theme and the large-text mode. */
export function PageShell({ children, className }: PropsWithChildren<{ className?: string }>) {
  const [elder] = useElderMode();
  return (
    <ConfigProvider theme={elder ? elderTheme : theme}>
      <View className={`page ${elder ? 'page--elder' : ''} ${className ?? ''}`}>
        {children}
        {process.env.TARO_ENV === 'weapp' && <PrivacyPrompt />}
      </View>
    </ConfigProvider>
  );
}
