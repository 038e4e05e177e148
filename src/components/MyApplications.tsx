import type { ComponentType, ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Remote } from '../services/useRemote';
import { LoadState } from './LoadState';
import { PageShell } from './PageShell';
import { Section } from './Section';
import { Button, Empty } from './nutui';
import './Form.scss';
import { tappable } from './tappable';

/**
 * A citizen's own applications of one feature (我的补领申请, 我的户口业务), newest first: a row per
 * application (its title, state tag and the feature's lines) that opens it, an empty state, and
 * the button to apply. The page loads the list; the rows' look comes from the feature's styles
 * (`app-row`).
 */
export function MyApplications<T extends { id: string; state: string; stateName: string }>({
  className,
  remote,
  title,
  empty,
  apply,
  href,
  StateTag,
  rowTitle,
  rowLines,
}: {
  className: string;
  remote: Remote<{ applications: T[] }>;
  title: string;
  empty: { title: string; description: string };
  apply: { text: string; url: string };
  href: (a: T) => string;
  StateTag: ComponentType<{ state: string; name: string }>;
  rowTitle: (a: T) => ReactNode;
  rowLines: (a: T) => ReactNode;
}) {
  const apps = remote.data?.applications ?? [];
  return (
    <PageShell className={className}>
      <LoadState remote={remote}>
        {apps.length === 0 ? (
          <View className={`${className}__empty`}>
            <Empty title={empty.title} description={empty.description} />
          </View>
        ) : (
          <Section title={title}>
            {apps.map((a) => (
              <View
                key={a.id}
                className="app-row"
                hoverClass="app-row--pressed"
                data-application={a.id}
                data-state={a.state}
                {...tappable('link')}
                onClick={() => Taro.navigateTo({ url: href(a) })}
              >
                <View className="app-row__head">
                  <Text className="app-row__title">{rowTitle(a)}</Text>
                  <StateTag state={a.state} name={a.stateName} />
                </View>
                {rowLines(a)}
              </View>
            ))}
          </Section>
        )}
        <View className="form-actions">
          <Button type="primary" onClick={() => Taro.navigateTo({ url: apply.url })}>
            {apply.text}
          </Button>
        </View>
      </LoadState>
    </PageShell>
  );
}
