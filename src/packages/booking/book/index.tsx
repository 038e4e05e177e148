import { useRef, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { VerifyFirstToBook } from '../components/VerifyFirstToBook';
import { BookingForm } from './BookingForm';
import { ChooseBusiness } from './ChooseBusiness';
import './index.scss';

/**
 * 预约办理: `?business=<guideId>` books that business (`&hall=<hallId>` preselects that hall);
 * without it, the bookable businesses are listed first. Only verified citizens book; others are led to 实名认证.
 */
export default function Book() {
  const { params } = useRouter();
  const [business, setBusiness] = useState(params.business ?? '');
  // Coming back from 实名认证 shows the form: read the status again on every later show.
  const [shown, setShown] = useState(0);
  const first = useRef(true);
  useDidShow(() => {
    if (first.current) first.current = false;
    else setShown((n) => n + 1);
  });
  const status = useRemote(() => identityApi.status(), `status:${shown}`);
  const profile = status.data?.verified ? status.data.profile : undefined;

  return (
    <PageShell className="book">
      <LoadState remote={status}>
        {status.data && !profile && <VerifyFirstToBook />}
        {profile && !business && (
          <ChooseBusiness
            onChoose={(g) => {
              setBusiness(g.id);
              void Taro.setNavigationBarTitle({ title: `预约 · ${g.title}` });
            }}
          />
        )}
        {profile && business && <BookingForm key={business} business={business} profile={profile} hall={params.hall} forApplication={params.application} />}
      </LoadState>
    </PageShell>
  );
}
