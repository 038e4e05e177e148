import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { Button, Empty } from './nutui';
import type { Remote } from '../services/useRemote';
import { OfficerVerifyFirst } from './OfficerVerifyFirst';
import './LoadState.scss';

/** Loading, failure (with the catalogue message and a retry; an officer not verified is led to verification) or the content. */
export function LoadState<T>({ remote, children }: PropsWithChildren<{ remote: Remote<T> }>) {
  if (remote.error?.code === 'OFFICER_NOT_VERIFIED') return <OfficerVerifyFirst />;
  if (remote.error) {
    return (
      <View className="load-state" role="alert">
        <Empty status="error" title="加载失败" description={remote.error.message} />
        <Button type="primary" className="load-state__retry" onClick={remote.reload}>
          重新加载
        </Button>
      </View>
    );
  }
  if (remote.data === undefined) {
    return (
      <View className="load-state load-state--loading">
        <Text className="load-state__text">正在加载…</Text>
      </View>
    );
  }
  return <>{children}</>;
}
