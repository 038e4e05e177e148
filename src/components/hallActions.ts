import Taro from '@tarojs/taro';

/** What the hall actions need to know about a hall. */
export interface HallPlace {
  name: string;
  province: string;
  address: string;
  phone: string;
  location?: { latitude: number; longitude: number };
}

/** The only third-party address the app names: a map the citizen chooses to open, never loaded by itself. */
export const MAP_HOST = 'uri.amap.com';

/**
 * A map page for the hall (H5): a marker at its coordinates (GCJ-02, as Chinese maps and
 * `openLocation` use), or a search for its address when the data has none.
 */
export function hallMapUrl(hall: HallPlace): string {
  const name = encodeURIComponent(hall.name);
  if (hall.location) {
    return `https://${MAP_HOST}/marker?position=${hall.location.longitude},${hall.location.latitude}&name=${name}&coordinate=gaode&callnative=1&src=hukou`;
  }
  return `https://${MAP_HOST}/search?keyword=${encodeURIComponent(`${hall.province}${hall.address}`)}&callnative=1&src=hukou`;
}

function cancelled(e: unknown): boolean {
  return /cancel/i.test(String((e as { errMsg?: string } | undefined)?.errMsg ?? ''));
}

/** Copies the full address and says so (weapp's own "已复制" is replaced by ours, which names what). */
export async function copyHallAddress(hall: HallPlace): Promise<void> {
  try {
    await Taro.setClipboardData({ data: `${hall.province}${hall.address}` });
    void Taro.showToast({ title: '地址已复制', icon: 'success' });
  } catch {
    void Taro.showToast({ title: '复制失败，请长按地址手动复制', icon: 'none' });
  }
}

/** Calls the hall; on a device that cannot call, the toast shows the number to dial by hand. */
export async function callHall(hall: HallPlace): Promise<void> {
  void Taro.showToast({ title: `正在拨打 ${hall.phone}`, icon: 'none' });
  try {
    await Taro.makePhoneCall({ phoneNumber: hall.phone });
  } catch (e) {
    if (!cancelled(e)) void Taro.showToast({ title: `无法拨打，请手动拨打 ${hall.phone}`, icon: 'none', duration: 3000 });
  }
}

/** weapp: the built-in map with navigation; H5: the hall on a map page in a new tab. */
export async function navigateToHall(hall: HallPlace): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(hallMapUrl(hall), '_blank', 'noopener');
    return;
  }
  if (!hall.location) {
    await copyHallAddress(hall);
    void Taro.showToast({ title: '已复制地址，可在地图应用中搜索', icon: 'none', duration: 3000 });
    return;
  }
  try {
    await Taro.openLocation({ ...hall.location, name: hall.name, address: `${hall.province}${hall.address}`, scale: 16 });
  } catch (e) {
    if (!cancelled(e)) void Taro.showToast({ title: '无法打开地图，请复制地址后在地图应用中搜索', icon: 'none', duration: 3000 });
  }
}
