import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FamilyMemberView } from '../../../../core/identity/views';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { LoadState } from '../../../components/LoadState';
import { Button } from '../../../components/nutui';
import { identityApi } from '../../../services/identityApi';
import { useRemote } from '../../../services/useRemote';
import { ApiError } from '../../../services/api';
import { checkDetails } from '../verify/checkDetails';
import { familyMemberLabel } from '../../../components/familyMemberLabel';
import { ActsForRecords } from './ActsForRecords';
import '../../../components/Form.scss';
import './index.scss';
import { tappable } from '../../../components/tappable';

const RELATION = { child: '子女（未满16周岁）', parent: '父母（60周岁以上）' } as const;

/** Members of the same household the verified adult may act for. */
export default function Family() {
  const [version, setVersion] = useState(0);
  const list = useRemote(() => identityApi.familyMembers(), `family:${version}`);
  const [members, setMembers] = useState<FamilyMemberView[] | undefined>();
  const [form, setForm] = useState({ name: '', idNumber: '', relation: 'child' as 'child' | 'parent' });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = members ?? list.data?.members ?? [];

  const add = async () => {
    const problems = checkDetails({ ...form, phone: '13800000000' });
    if (problems.name || problems.idNumber) {
      setError(problems.name ?? problems.idNumber ?? '');
      return;
    }
    setError('');
    setBusy(true);
    try {
      const res = await identityApi.addFamilyMember(form);
      setMembers(res.members);
      setForm({ name: '', idNumber: '', relation: form.relation });
      void Taro.showToast({ title: '已添加', icon: 'success' });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '添加失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (m: FamilyMemberView) => {
    const ok = await Taro.showModal({ title: '不再代办', content: `确定不再为 ${familyMemberLabel(m)} 代办业务？`, confirmText: '确定' });
    if (!ok.confirm) return;
    try {
      setMembers((await identityApi.removeFamilyMember(m.memberId)).members);
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError ? e.message : '操作失败', icon: 'none' });
      setVersion((n) => n + 1);
    }
  };

  return (
    <PageShell className="family">
      <Text className="notice">可为同一户口簿上未满16周岁的子女、60周岁以上的父母代办预约和证件业务。每次代办都会记录。</Text>
      <LoadState remote={list}>
        <Section title={`可代办的家人（${shown.length}）`}>
          {shown.length === 0 && <Text className="family__empty">还没有添加家庭成员</Text>}
          {shown.map((m) => (
            <View key={m.memberId} className="family__member" data-member={m.memberId}>
              <View className="family__who">
                <Text className="family__name">{familyMemberLabel(m)}</Text>
                <Text className="family__id">{m.idNumberMasked}</Text>
              </View>
              <Text className="family__remove" {...tappable()} onClick={() => remove(m)}>
                移除
              </Text>
            </View>
          ))}
        </Section>
      </LoadState>

      <Section title="添加家庭成员">
        <View className="family__relations">
          {(Object.keys(RELATION) as Array<keyof typeof RELATION>).map((r) => (
            <Text
              key={r}
              className={`family__relation ${form.relation === r ? 'family__relation--on' : ''}`}
              {...tappable('button', { pressed: form.relation === r })}
              onClick={() => setForm((f) => ({ ...f, relation: r }))}
            >
              {RELATION[r]}
            </Text>
          ))}
        </View>
        <View className="form-field">
          <Text className="form-field__label">姓名</Text>
          <Input
            className="form-field__input"
            data-field="memberName"
            value={form.name}
            maxlength={30}
            placeholder="与户口簿一致"
            onInput={(e) => setForm((f) => ({ ...f, name: e.detail.value }))}
          />
        </View>
        <View className="form-field">
          <Text className="form-field__label">身份证号码</Text>
          <Input
            className="form-field__input"
            data-field="memberIdNumber"
            type="idcard"
            value={form.idNumber}
            maxlength={18}
            placeholder="18位公民身份号码"
            onInput={(e) => setForm((f) => ({ ...f, idNumber: e.detail.value }))}
          />
        </View>
        {error && <Text className="form-field__error">{error}</Text>}
        <View className="form-actions">
          <Button type="primary" loading={busy} onClick={add}>
            添加
          </Button>
        </View>
      </Section>

      <ActsForRecords />
    </PageShell>
  );
}
