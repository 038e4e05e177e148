import { useEffect, useRef, useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Section } from '../../../components/Section';
import { Button } from '../../../components/nutui';
import { ApiError } from '../../../services/api';
import { newRequestId, retryWithSameId } from '../../../services/bookingApi';
import { businessApi, type BusinessDetails, type CatalogueEntry } from '../../../services/businessApi';
import { useRemote } from '../../../services/useRemote';
import { identityApi } from '../../../services/identityApi';
import { ActingForChips, SELF } from '../../../components/ActingForChips';
import type { FamilyMemberView } from '../../../../core/identity/views';
import { declaredFields, GROUPS } from './declared';
import '../../../components/Form.scss';
import '../components/business.scss';
import { tappable } from '../../../components/tappable';

/** Who the caller may apply for: themselves and (verified) the family members they act for. */
interface Who {
  selfName: string;
  members: readonly FamilyMemberView[];
}

async function loadWho(): Promise<Who> {
  const status = await identityApi.status();
  if (!status.verified || !status.profile) return { selfName: '', members: [] };
  const family = await identityApi.familyMembers();
  return { selfName: status.profile.nameMasked, members: family.members };
}

/** One business, opened: its conditions and materials, the hall, what to declare, and 开始申请. */
function BusinessForm({ entry, who }: { entry: CatalogueEntry; who: Who }) {
  const [hallId, setHallId] = useState(entry.halls.length === 1 ? entry.halls[0].id : '');
  const [forWhom, setForWhom] = useState(SELF);
  const [details, setDetails] = useState<BusinessDetails>({});
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const request = useRef('');
  const fields = declaredFields(entry.fields);
  const missing = !hallId || fields.some((f) => !(details[f.key] ?? '').trim());

  const start = async () => {
    setError(undefined);
    setBusy(true);
    const clean = Object.fromEntries(
      Object.entries(details)
        .filter(([, v]) => v?.trim())
        .map(([k, v]) => [k, v!.trim()]),
    ) as BusinessDetails;
    // A retry after a lost answer repeats the same request (the function starts it once).
    if (!request.current) request.current = newRequestId();
    try {
      const app = await businessApi.apply({ kind: entry.kind, hallId, details: clean, ...(forWhom === SELF ? {} : { forMemberId: forWhom }) }, request.current);
      request.current = '';
      void Taro.navigateTo({ url: `/packages/business/detail/index?id=${app.id}` });
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('INTERNAL', '申请失败，请重试');
      if (!retryWithSameId(err)) request.current = '';
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="biz-kind__body" data-form={entry.kind}>
      {entry.conditions.length > 0 && <Text className="biz-kind__label">办理条件</Text>}
      {entry.conditions.map((c, i) => (
        <Text key={i} className="biz-bullet">
          · {c}
        </Text>
      ))}
      <Text className="biz-kind__label">需上传的材料照片</Text>
      {entry.materials.map((m) => (
        <View key={m.key} data-material={m.key}>
          <Text className="biz-bullet">
            · {m.name}
            {m.required ? '' : '（视情况）'}
          </Text>
          {m.note && <Text className="biz-note">{m.note}</Text>}
        </View>
      ))}

      {who.members.length > 0 && (
        <>
          <Text className="biz-kind__label">为谁申请</Text>
          <ActingForChips
            selfName={who.selfName}
            members={who.members}
            value={forWhom}
            onChange={(w) => {
              setForWhom(w);
              request.current = '';
            }}
          />
        </>
      )}
      <Text className="biz-kind__label">受理大厅</Text>
      <View className="chips">
        {entry.halls.map((h) => (
          <Text
            key={h.id}
            className={`chip ${hallId === h.id ? 'chip--on' : ''}`}
            data-hall={h.id}
            {...tappable('button', { pressed: hallId === h.id })}
            onClick={() => setHallId(h.id)}
          >
            {h.name}
          </Text>
        ))}
      </View>

      {fields.map((f) => (
        <View key={f.key} className="form-field">
          <Text className="form-field__label">{f.label}</Text>
          {f.kind === 'text' ? (
            <Input
              className="form-field__input"
              data-field={f.key}
              value={details[f.key] ?? ''}
              maxlength={100}
              placeholder={f.placeholder}
              onInput={(e) => setDetails((d) => ({ ...d, [f.key]: e.detail.value }))}
            />
          ) : (
            <Picker mode="date" value={details[f.key] ?? ''} onChange={(e) => setDetails((d) => ({ ...d, [f.key]: String(e.detail.value) }))}>
              <View className="form-field__input" data-field={f.key} {...tappable('button', { label: f.label })}>
                <Text>{details[f.key] || f.placeholder}</Text>
              </View>
            </Picker>
          )}
        </View>
      ))}

      {error && (
        <View className="notice notice--error" role="alert" data-error-code={error.code}>
          <Text>{error.message}</Text>
          {error.code === 'NOT_VERIFIED' && (
            <Text className="biz-link" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/identity/consent/index' })}>
              去实名认证 ›
            </Text>
          )}
        </View>
      )}
      <View className="form-actions action-buttons">
        <Button type="primary" loading={busy} disabled={missing} onClick={() => void start()}>
          开始申请
        </Button>
      </View>
    </View>
  );
}

/** The businesses that can be applied for online, grouped; one opens to apply (`?kind=` opens it at once). */
export default function BusinessList() {
  const { params } = useRouter();
  const [open, setOpen] = useState(params.kind ?? '');
  const catalogue = useRemote(() => businessApi.catalogue(), 'catalogue');
  // Only for the "for whom" chips: the page works without it (an unverified visitor reads the list).
  const who = useRemote(() => loadWho().catch(() => ({ selfName: '', members: [] })), 'who');
  const all = catalogue.data?.businesses ?? [];
  // Opened from a guide (?kind=): bring that business into view once the list is there.
  const loaded = all.length > 0;
  useEffect(() => {
    if (loaded && params.kind) void Taro.pageScrollTo({ selector: `#kind-${params.kind}`, duration: 0 }).catch(() => undefined);
  }, [loaded, params.kind]);
  return (
    <PageShell className="biz-list">
      <LoadState remote={catalogue}>
        <View className="biz-head">
          <Text className="biz-head__hint">上传材料照片即可网上申请，审核进度随时可查；户籍类证明审核通过后即出具电子证明。</Text>
          <Text className="biz-link" data-action="mine" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: '/packages/business/mine/index' })}>
            我的户口业务申请 ›
          </Text>
        </View>
        {GROUPS.map((g) => {
          const entries = all.filter((b) => g.tracks.includes(b.track));
          if (entries.length === 0) return null;
          return (
            <Section key={g.key} title={g.title}>
              {entries.map((b) => (
                <View key={b.kind} id={`kind-${b.kind}`} className="biz-kind" data-kind={b.kind}>
                  <View className="biz-kind__head" {...tappable('button', { pressed: open === b.kind })} onClick={() => setOpen(open === b.kind ? '' : b.kind)}>
                    <Text className="biz-kind__name">{b.name}</Text>
                    <Text className="biz-kind__toggle">{open === b.kind ? '收起' : '申请 ›'}</Text>
                  </View>
                  {open === b.kind && <BusinessForm entry={b} who={who.data ?? { selfName: '', members: [] }} />}
                </View>
              ))}
            </Section>
          );
        })}
      </LoadState>
    </PageShell>
  );
}
