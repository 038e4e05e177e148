/**
 * H5 only: where the local persona is kept (Taro's storage: JSON { data } under PERSONA_KEY), and
 * who the app is until one is chosen: a citizen who has not verified yet. Import-free: index.html
 * reads it too (config/earlyReads.ts).
 */
export const PERSONA_KEY = 'hukou.localPersona';
export const DEFAULT_PERSONA = 'local-visitor';
