import { useState } from 'react';
import { Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { MyApplications } from '../../../components/MyApplications';
import { reissueApi } from '../../../services/reissueApi';
import { useRemote } from '../../../services/useRemote';
import { StateTag } from '../components/Timeline';
import { StageBar } from '../../../components/StageBar';
import '../components/reissue.scss';

/** 我的补领申请: newest first; a row opens its tracking page. */
export default function ReissueMine() {
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const list = useRemote(() => reissueApi.myApplications(), `mine:${shown}`);

  return (
    <MyApplications
      className="reissue-mine"
      remote={list}
      title="我的补领申请"
      empty={{ title: '还没有补领申请', description: '身份证丢失或损坏，可在网上申请补换领，邮寄到家。' }}
      apply={{ text: '申请补换领身份证', url: '/packages/reissue/apply/index' }}
      href={(a) => `/packages/reissue/track/index?id=${a.id}`}
      StateTag={StateTag}
      rowTitle={(a) => `${a.reasonName} · ${a.subjectNameMasked}`}
      rowLines={(a) => (
        <>
          <Text className="app-row__line">
            {a.timeline[0]?.atText} 申请 · {a.delivery.kind === 'mail' ? `邮寄到 ${a.delivery.place}` : '大厅领取'}
          </Text>
          <StageBar progress={a.progress} compact />
          {a.deadlines?.overdue && <Text className="app-row__overdue">已超过承诺时间</Text>}
        </>
      )}
    />
  );
}
