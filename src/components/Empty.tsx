import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './Empty.scss';

const GLYPH = { empty: '○', error: '!', network: '!' } as const;

/**
 * An empty or failed state: a drawn mark, a title and a line of help. It stands in for NutUI's
 * Empty, whose default pictures load from a third-party CDN (broken offline, and each citizen's IP
 * goes to another company); same props the app uses, no network request.
 */
export function Empty({ status = 'empty', title, description, children }: { status?: keyof typeof GLYPH; title?: string; description?: ReactNode; children?: ReactNode }) {
  return (
    <View className={`empty empty--${status}`} data-empty={status}>
      <View className="empty__mark" aria-hidden>
        <Text className="empty__glyph">{GLYPH[status]}</Text>
      </View>
      {title && <Text className="empty__title">{title}</Text>}
      {description && <Text className="empty__description">{description}</Text>}
      {children}
    </View>
  );
}
