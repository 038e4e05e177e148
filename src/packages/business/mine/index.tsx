import { useState } from 'react';
import { Text } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { MyApplications } from '../../../components/MyApplications';
import { businessApi } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { StateTag } from '../components/StateTag';
import '../components/business.scss';

/** 我的户口业务: the caller's applications, newest first; a row opens it. */
export default function BusinessMine() {
  const [shown, setShown] = useState(0);
  useDidShow(() => setShown((n) => n + 1));
  const list = useRemote(() => businessApi.mine(), `biz-mine:${shown}`);

  return (
    <MyApplications
      className="biz-mine"
      remote={list}
      title="我的户口业务申请"
      empty={{ title: '还没有户口业务申请', description: '户籍证明、户口迁移、出生登记、居住证可在网上申请。' }}
      apply={{ text: '网上申请户口业务', url: '/packages/business/list/index' }}
      href={(a) => `/packages/business/detail/index?id=${a.id}`}
      StateTag={StateTag}
      rowTitle={(a) => `${a.kindName} · ${a.subjectNameMasked}`}
      rowLines={(a) => (
        <Text className="app-row__line">
          {a.createdAt} 申请{a.submittedAt ? ` · ${a.submittedAt} 提交` : ' · 尚未提交'}
        </Text>
      )}
    />
  );
}
