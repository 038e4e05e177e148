import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ElsewhereView, HotlineView } from '../../core/guide/views';
import { findNearestHall, type NearestHall } from '../services/nearestHall';
import { HallCard } from './HallCard';
import './SearchHelp.scss';
import { tappable } from './tappable';

function distance(km?: number): string {
  if (km === undefined) return '';
  return km < 1 ? '（1 公里以内）' : `（约 ${km} 公里）`;
}

async function dial(phone: string) {
  try {
    await Taro.makePhoneCall({ phoneNumber: phone });
  } catch {
    void Taro.showToast({ title: `请手动拨打 ${phone}`, icon: 'none', duration: 3000 });
  }
}

/**
 * What search offers beyond results: where to go when the business is another office's, and when
 * nothing is found the hotline, the nearest hall (after the citizen agrees to share a location)
 * and the list of halls.
 */
export function SearchHelp({ elsewhere, hotline }: { elsewhere?: ElsewhereView; hotline?: HotlineView }) {
  const [nearest, setNearest] = useState<NearestHall | 'locating'>();

  const locate = async () => {
    setNearest('locating');
    try {
      setNearest(await findNearestHall());
    } catch {
      setNearest({ denied: true });
    }
  };

  return (
    <View className="search-help">
      {elsewhere && (
        <View className="search-help__card" data-elsewhere>
          <Text className="search-help__title">
            {elsewhere.business}由{elsewhere.office}办理
          </Text>
          <Text className="search-help__text">{elsewhere.note}</Text>
          {elsewhere.phone && (
            <Text className="search-help__link" {...tappable('link')} onClick={() => dial(elsewhere.phone!)}>
              拨打 {elsewhere.phone}
            </Text>
          )}
        </View>
      )}
      {hotline && (
        <View className="search-help__card" data-hotline={hotline.phone}>
          <Text className="search-help__title">电话咨询</Text>
          {hotline.note && <Text className="search-help__text">{hotline.note}</Text>}
          <Text className="search-help__link" {...tappable('link')} onClick={() => dial(hotline.phone)}>
            拨打 {hotline.name}
          </Text>
        </View>
      )}
      {hotline && (
        <View className="search-help__card">
          <Text className="search-help__title">到大厅当面咨询</Text>
          {nearest && nearest !== 'locating' && 'hall' in nearest ? (
            <View data-nearest-hall={nearest.hall.id}>
              <Text className="search-help__text">离您最近的户政大厅{distance(nearest.hall.distanceKm)}：</Text>
              <HallCard hall={nearest.hall} />
            </View>
          ) : (
            <>
              {nearest && nearest !== 'locating' && <Text className="search-help__text">未能获取您的位置，可以在大厅列表中按城市查找。</Text>}
              <Button className="search-help__button" size="mini" loading={nearest === 'locating'} onClick={locate}>
                查找离我最近的大厅
              </Button>
            </>
          )}
          <Text className="search-help__link" {...tappable('link')} onClick={() => Taro.navigateTo({ url: '/pages/halls/index' })}>
            查看全部户政大厅
          </Text>
        </View>
      )}
    </View>
  );
}
