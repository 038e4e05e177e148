import type { PropsWithChildren, ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { heading } from './tappable';
import './Section.scss';

/** A white card with a title, the building block of every detail page. */
export function Section({ title, extra, children, id }: PropsWithChildren<{ title: string; extra?: ReactNode; id?: string }>) {
  return (
    <View className="section" id={id}>
      <View className="section__head">
        <Text className="section__title" {...heading(2)}>
          {title}
        </Text>
        {extra}
      </View>
      <View className="section__body">{children}</View>
    </View>
  );
}
