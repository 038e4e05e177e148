import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Section } from './Section';
import { localPersona, setLocalPersona } from '../services/localPersona';
import { tappable } from './tappable';

interface Persona {
  openid: string;
  label: string;
  description: string;
}

/**
 * H5 only, against the local cloud: choose which demo persona the app acts as. The local cloud
 * lists its personas; in production (weapp) this renders nothing and asks nothing.
 */
export function PersonaSwitcher({ onSwitched }: { onSwitched: () => void }) {
  const [personas, setPersonas] = useState<Persona[]>([]);
  const [current, setCurrent] = useState(localPersona());

  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') return;
    Taro.request<{ personas?: Persona[] }>({ url: '/local/personas', method: 'GET' })
      .then((r) => setPersonas(r.data.personas ?? []))
      .catch(() => setPersonas([]));
  }, []);

  if (process.env.TARO_ENV === 'weapp' || personas.length === 0) return null;
  return (
    <Section title="本地演示：切换身份">
      {personas.map((p) => (
        <View
          key={p.openid}
          className={`persona ${current === p.openid ? 'persona--current' : ''}`}
          data-persona={p.openid}
          {...tappable()}
          onClick={() => {
            setLocalPersona(p.openid);
            setCurrent(p.openid);
            onSwitched();
          }}
        >
          <Text className="persona__label">
            {current === p.openid ? '● ' : '○ '}
            {p.label}
          </Text>
          <Text className="persona__description">{p.description}</Text>
        </View>
      ))}
    </Section>
  );
}
