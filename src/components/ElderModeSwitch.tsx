import { View } from '@tarojs/components';
import { useElderMode } from '../services/elderMode';
import { tappable } from './tappable';
import './ElderModeSwitch.scss';

/**
 * The 长辈模式 switch: role switch with its state and name (ARIA on H5, WeChat's aria-* on weapp),
 * a 48 px box, Enter/Space toggle it. Not NutUI's Switch, which writes WeChat's `aria-role` into
 * the H5 DOM as an invalid attribute and has no role there.
 */
export function ElderModeSwitch() {
  const [elder, setElder] = useElderMode();
  return (
    <View
      className={`elder-switch ${elder ? 'elder-switch--on' : ''}`}
      data-elder-switch={elder ? 'on' : 'off'}
      {...tappable('switch', { checked: elder, label: '长辈模式' })}
      onClick={() => setElder(!elder)}
    >
      <View className="elder-switch__track" aria-hidden>
        <View className="elder-switch__thumb" />
      </View>
    </View>
  );
}
