import { useMemo } from 'react';
import { View } from '@tarojs/components';
import { qrLayout, type QrLayout } from './qrLayout';
import { qrSvgDataUrl } from './qrSvg';
import './TicketQr.scss';

/** The desired width of the square in CSS px (the px of the page, never scaled as rpx). */
export const DEFAULT_QR_SIZE = 240;

function layoutOf(token: string): QrLayout | undefined {
  try {
    return qrLayout(token);
  } catch {
    return undefined; // longer than a QR code holds: never a ticket of ours
  }
}

/**
 * A ticket's QR code drawn with views: black modules on white with a 4-module quiet zone, each
 * module a whole number of CSS px so that edges stay sharp for the officer's camera. The square
 * is the nearest multiple of the module count to `size` (a typical ticket: 61 modules × 4 px =
 * 244 px). `data-qr-size` on the root is the symbol's modules per side (0 if it cannot be drawn);
 * like every data-* attribute it shows in the H5 DOM only (weapp keeps it in the node's dataset).
 * ~600 views for a typical ticket; a new token redraws them all (one setData on weapp). On H5 the
 * same rectangles are one SVG background instead (a browser pays per element: ~600 custom elements
 * were most of the ticket page's main-thread time on a slow phone).
 */
export function TicketQr({ token, size = DEFAULT_QR_SIZE, label = '预约凭证二维码' }: { token: string; size?: number; label?: string }) {
  const layout = useMemo(() => layoutOf(token), [token]);
  const unit = layout ? Math.max(1, Math.round(size / layout.total)) : 0;
  const side = layout ? unit * layout.total : size;
  if (process.env.TARO_ENV === 'h5') {
    // One picture of the same rectangles (src/components/qrSvg.ts): a browser pays per element.
    const picture = layout ? { backgroundImage: `url("${qrSvgDataUrl(layout)}")`, backgroundSize: `${side}px ${side}px` } : {};
    return <View className="ticket-qr" data-qr-size={layout?.modules ?? 0} role="img" aria-label={label} style={{ width: `${side}px`, height: `${side}px`, ...picture }} />;
  }
  return (
    <View className="ticket-qr" data-qr-size={layout?.modules ?? 0} role="img" aria-label={label} style={{ width: `${side}px`, height: `${side}px` }}>
      {layout?.rects.map((r) => (
        <View key={`${r.x}.${r.y}`} className="ticket-qr__dark" style={{ left: `${r.x * unit}px`, top: `${r.y * unit}px`, width: `${r.w * unit}px`, height: `${r.h * unit}px` }} />
      ))}
    </View>
  );
}
