import type { QrLayout } from './qrLayout';

/**
 * H5: a QR layout as one SVG picture (a data: URL) — the same dark rectangles as the views drawn on
 * weapp, in module units, crisp edges, white quiet zone. One element instead of ~600: in a phone's
 * browser each view is a custom element, and ~600 of them cost the ticket page more main-thread
 * time than everything else it renders (issue 14, "A phone").
 */
export function qrSvgDataUrl(layout: QrLayout): string {
  const d = layout.rects.map((r) => `M${r.x} ${r.y}h${r.w}v${r.h}h-${r.w}z`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${layout.total} ${layout.total}" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path d="${d}" fill="#000"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
