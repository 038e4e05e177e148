import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { tappable } from '../../../components/tappable';
import { useRemote } from '../../../services/useRemote';
import { assistedReissueApi, type Division } from '../assistedReissueApi';

export interface Chosen {
  province: Division;
  city: Division;
  district: Division;
}

/** 省 / 市 / 区县 one level at a time, the lists asked of the function (the page holds no region data). */
export function DivisionList({ sessionId, chosen, onChoose }: { sessionId: string; chosen?: Chosen; onChoose: (c?: Chosen) => void }) {
  const [path, setPath] = useState<Division[]>([]);
  const parent = path.at(-1)?.code;
  const list = useRemote(() => assistedReissueApi.divisions(sessionId, parent), parent ?? 'top');
  if (chosen) {
    return (
      // Keyed apart from the list: a node that loses its tap handler on an update breaks Taro's weapp runtime.
      <View key="chosen" className="assisted-reissue__row">
        <Text data-field="division">{`${chosen.province.name} ${chosen.city.name} ${chosen.district.name}`}</Text>
        <Text className="chip" data-action="change-division" {...tappable()} onClick={() => onChoose(undefined)}>
          修改
        </Text>
      </View>
    );
  }
  const choose = (d: Division) => {
    if (path.length < 2) setPath([...path, d]);
    else {
      onChoose({ province: path[0]!, city: path[1]!, district: d });
      setPath([]);
    }
  };
  return (
    <View key="list" data-level={['province', 'city', 'district'][path.length]}>
      {path.length > 0 && (
        <Text className="chip" {...tappable()} onClick={() => setPath(path.slice(0, -1))}>
          {`返回：${path.map((p) => p.name).join(' ')}`}
        </Text>
      )}
      <LoadState remote={list}>
        <View className="chips">
          {list.data?.map((d) => (
            <Text key={d.code} className="chip" data-division={d.code} {...tappable()} onClick={() => choose(d)}>
              {d.name}
            </Text>
          ))}
        </View>
      </LoadState>
    </View>
  );
}
