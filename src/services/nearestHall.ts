import Taro from '@tarojs/taro';
import type { HallSummaryView } from '../../core/guide/views';
import { guideApi } from './guideApi';

export type NearestHall = { hall: HallSummaryView } | { denied: true };

/**
 * Asks for the device's position (the platform asks the citizen first) and returns the nearest
 * hall. Hall coordinates are GCJ-02 as Chinese maps use; H5 browsers give WGS-84 only, some
 * hundreds of metres off, which does not change which hall is nearest in practice.
 */
export async function findNearestHall(): Promise<NearestHall> {
  let position: { latitude: number; longitude: number };
  try {
    const got = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
    position = { latitude: got.latitude, longitude: got.longitude };
  } catch {
    return { denied: true };
  }
  const { halls } = await guideApi.hallsNear(position);
  return halls[0] ? { hall: halls[0] } : { denied: true };
}
