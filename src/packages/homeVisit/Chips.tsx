import { Text, View } from '@tarojs/components';
import { tappable } from '../../components/tappable';
import '../../components/Choice.scss';

/** One choice among a few, as chips (`data-choice` names each for tests). */
export function Chips({ items, chosen, onChoose, name }: { items: Array<{ id: string; label: string }>; chosen: string; onChoose: (id: string) => void; name: string }) {
  return (
    <View className="chips" data-chips={name}>
      {items.map((i) => (
        <Text
          key={i.id}
          className={`chip ${i.id === chosen ? 'chip--on' : ''}`}
          data-choice={i.id}
          {...tappable('button', { pressed: i.id === chosen })}
          onClick={() => onChoose(i.id)}
        >
          {i.label}
        </Text>
      ))}
    </View>
  );
}
