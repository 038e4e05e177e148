import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { citiesOf, districtsOf, namesOf, provinces, type Division } from './divisions';
import './reissue.scss';
import { tappable } from '../../../components/tappable';

export interface DivisionValue {
  provinceCode: string;
  cityCode: string;
  districtCode: string;
}

type Level = 'province' | 'city' | 'district';

/**
 * 省 / 市 / 区县, one level at a time as a list of large rows (easier for older users than a
 * three-column wheel). Shows the choice once all three are chosen.
 */
export function DivisionPicker({ value, onChange }: { value: DivisionValue; onChange: (v: DivisionValue) => void }) {
  const complete = Boolean(value.provinceCode && value.cityCode && value.districtCode);
  const [open, setOpen] = useState(!complete);
  const [draft, setDraft] = useState<{ p?: Division; c?: Division }>({});
  const level: Level = !draft.p ? 'province' : !draft.c ? 'city' : 'district';
  const list = level === 'province' ? provinces() : level === 'city' ? citiesOf(draft.p!.code) : districtsOf(draft.p!.code, draft.c!.code);

  const choose = (d: Division) => {
    if (level === 'province') setDraft({ p: d });
    else if (level === 'city') setDraft({ p: draft.p, c: d });
    else {
      onChange({ provinceCode: draft.p!.code, cityCode: draft.c!.code, districtCode: d.code });
      setDraft({});
      setOpen(false);
    }
  };

  if (!open) {
    return (
      <View className="division-picker__current">
        <Text data-field="division">{namesOf(value.provinceCode, value.cityCode, value.districtCode).join(' ')}</Text>
        <Text className="chip division-picker__change" data-action="change-division" {...tappable()} onClick={() => setOpen(true)}>
          修改
        </Text>
      </View>
    );
  }
  return (
    <View className="division-picker" data-level={level}>
      <View className="division-picker__crumbs">
        <Text className={`chip ${level === 'province' ? 'chip--on' : ''}`} {...tappable('button', { pressed: level === 'province' })} onClick={() => setDraft({})}>
          {draft.p?.name ?? '选择省份'}
        </Text>
        {draft.p && (
          <Text className={`chip ${level === 'city' ? 'chip--on' : ''}`} {...tappable('button', { pressed: level === 'city' })} onClick={() => setDraft({ p: draft.p })}>
            {draft.c?.name ?? '选择城市'}
          </Text>
        )}
        {draft.c && <Text className="chip chip--on">选择区县</Text>}
        {complete && (
          <Text
            className="chip"
            {...tappable()}
            onClick={() => {
              setDraft({});
              setOpen(false);
            }}
          >
            取消
          </Text>
        )}
      </View>
      <View className="division-picker__list">
        {list.map((d) => (
          <View key={d.code} className="division-row" hoverClass="division-row--on" data-division={d.code} {...tappable()} onClick={() => choose(d)}>
            <Text>{d.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
