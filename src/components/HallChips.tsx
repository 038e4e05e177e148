import { Text, View } from '@tarojs/components';
import './Choice.scss';
import './HallChips.scss';
import { tappable } from './tappable';

/** The halls an officer works for, one chosen: shown only when there is a choice. */
export function HallChips({ halls, chosen, onChoose }: { halls: Array<{ id: string; name: string }>; chosen?: string; onChoose: (hallId: string) => void }) {
  if (halls.length <= 1) return null;
  return (
    <View className="chips hall-chips">
      {halls.map((h) => (
        <Text
          key={h.id}
          className={`chip ${h.id === chosen ? 'chip--on' : ''}`}
          data-hall={h.id}
          {...tappable('button', { pressed: h.id === chosen })}
          onClick={() => onChoose(h.id)}
        >
          {h.name}
        </Text>
      ))}
    </View>
  );
}
