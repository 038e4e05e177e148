// qrcode's encoder alone, without its canvas/SVG/PNG renderers (src/components/qrLayout.ts).
declare module 'qrcode/lib/core/qrcode' {
  export { create } from 'qrcode';
}
