import { useEffect, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './Form.scss';
import './ActionError.scss';

/** What a refusal says: a catalogue code (or a client-side one) and its message. */
export interface ShownError {
  code: string;
  message: string;
}

/**
 * A refusal, shown where the person acted (next to the button they tapped) and brought into view:
 * an answer rendered above the visible area looks like nothing happened.
 */
export function ActionError({ error, id, children }: { error?: ShownError; id: string; children?: ReactNode }) {
  useEffect(() => {
    if (!error) return;
    // After the render that shows it: the page may have changed step at the same time.
    const timer = setTimeout(() => {
      if (process.env.TARO_ENV === 'h5') document.getElementById(id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      else void Taro.pageScrollTo({ selector: `#${id}`, offsetTop: -120, duration: 200 });
    }, 0);
    return () => clearTimeout(timer);
  }, [error, id]);
  if (!error) return null;
  return (
    <View id={id} className="notice notice--error action-error" role="alert" data-error-code={error.code}>
      <Text>{error.message}</Text>
      {children}
    </View>
  );
}
