/**
 * A Taro build plugin: WeChat's accessibility attributes (aria-role, aria-label, …) on View and
 * Text. Taro's weapp template passes only the attributes it declares for a component, so without
 * this the `ariaRole`/`ariaLabel` props of src/components/tappable.ts would not reach WeChat's
 * screen reader. The runtime numbers attributes from its own table: src/app.ts declares the same
 * list there (same list, same sorted numbering), or every View attribute would shift.
 * miniprogram-simulate does not render aria-* attributes, so no test sees them arrive. H5 has no template (ARIA goes straight to the DOM) and is left alone.
 */
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-pressed', 'aria-disabled', 'aria-level', 'aria-hidden'];

interface PluginContext {
  registerMethod(method: { name: string; fn: (platform: { template?: { mergeComponents?: (ctx: unknown, patch: unknown) => void } }) => void }): void;
}

export default function ariaAttributes(ctx: PluginContext): void {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      const attrs = Object.fromEntries(ARIA.map((a) => [a, '']));
      platform.template?.mergeComponents?.(ctx, { View: attrs, Text: attrs });
    },
  });
}
