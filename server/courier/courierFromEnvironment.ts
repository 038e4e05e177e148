import type { Courier } from '../../core/reissue/ports';
import type { Environment } from '../config/loadEnvironment';
import { LocalCourier } from '../local/LocalCourier';
import { localCloudUrl } from '../local/localCloudUrl';
import { Kuaidi100Courier } from './Kuaidi100Courier';

/** The carrier's tracking: the local cloud's stand-in inside the local cloud (server/local/), Kuaidi100 everywhere else. */
export function courierFromEnvironment(env: Environment<'HUKOU_KUAIDI100_CUSTOMER' | 'HUKOU_KUAIDI100_KEY'>): Courier {
  const local = localCloudUrl();
  return local ? new LocalCourier(local) : new Kuaidi100Courier({ customer: env.HUKOU_KUAIDI100_CUSTOMER, key: env.HUKOU_KUAIDI100_KEY });
}
