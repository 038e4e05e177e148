import { useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { PageShell } from '../../components/PageShell';
import { HallCard } from '../../components/HallCard';
import { LoadState } from '../../components/LoadState';
import { guideApi } from '../../services/guideApi';
import { useRemote } from '../../services/useRemote';
import '../guides/index.scss';
import { tappable } from '../../components/tappable';

const ALL = '';

/** Halls by city, each with today's hours and whether it is open now. */
export default function Halls() {
  const [city, setCity] = useState(ALL);
  const halls = useRemote(() => guideApi.halls(city || undefined), `city:${city}`);
  const cities = halls.data?.cities ?? [];

  return (
    <PageShell className="halls">
      <ScrollView scrollX className="guides__tabs" enhanced showScrollbar={false}>
        <View className="guides__tabs-inner">
          {[ALL, ...cities].map((c) => (
            <Text
              key={c || 'all'}
              className={`guides__tab ${city === c ? 'guides__tab--active' : ''}`}
              data-city={c}
              {...tappable('button', { pressed: city === c })}
              onClick={() => setCity(c)}
            >
              {c || '全部城市'}
            </Text>
          ))}
        </View>
      </ScrollView>
      <LoadState remote={halls}>
        {(halls.data?.halls ?? []).map((h) => (
          <HallCard key={h.id} hall={h} />
        ))}
      </LoadState>
    </PageShell>
  );
}
