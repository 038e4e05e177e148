import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { tappable } from '../../../components/tappable';
import './business.scss';

type Photo = { fileId: string; url: string };

/** A material's photos; a tap opens them full size (previewImage: zoom to read an ID number). `large` for the officer. */
export function Photos({ photos, name, large = false }: { photos: Photo[]; name: string; large?: boolean }) {
  if (photos.length === 0) return null;
  const urls = photos.map((p) => p.url);
  return (
    <View className={`photos${large ? ' photos--large' : ''}`}>
      {photos.map((p, i) => (
        <View
          key={p.fileId}
          className="photo"
          data-photo={p.fileId}
          {...tappable('button', { label: `查看${name}照片${i + 1}大图` })}
          onClick={() => void Taro.previewImage({ current: p.url, urls })}
        >
          <Image className="photo__img" src={p.url} mode={large ? 'aspectFit' : 'aspectFill'} ariaLabel={`${name}照片${i + 1}`} nativeProps={{ alt: `${name}照片${i + 1}` }} />
        </View>
      ))}
    </View>
  );
}
