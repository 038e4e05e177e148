import { Text, View } from '@tarojs/components';
import { tappable } from '../../components/tappable';
import '../../components/Choice.scss';

/** Choices as chips, one or several chosen (`data-choice` names each for tests). */
export function Chips({ items, chosen, onChoose, name }: { items: Array<{ id: string; label: string }>; chosen: readonly string[]; onChoose: (id: string) => void; name: string }) {
  return (
    <View className="chips" data-chips={name}>
      {items.map((i) => (
        <Text
          key={i.id}
          className={`chip ${chosen.includes(i.id) ? 'chip--on' : ''}`}
          data-choice={i.id}
          {...tappable('button', { pressed: chosen.includes(i.id) })}
          onClick={() => onChoose(i.id)}
        >
          {i.label}
        </Text>
      ))}
    </View>
  );
}
