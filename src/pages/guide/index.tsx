import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/PageShell';
import { Section } from '../../components/Section';
import { LoadState } from '../../components/LoadState';
import { GuideFlags } from '../../components/GuideFlags';
import { HallCard } from '../../components/HallCard';
import { formatCopies, formatFee, formatTimeLimit } from '../../components/format';
import { guideApi } from '../../services/guideApi';
import { useRemote } from '../../services/useRemote';
import type { GuideDetailView } from '../../../core/guide/views';
import './index.scss';
import { heading, tappable } from '../../components/tappable';

const FAQ_SHOWN = 3;

/** The halls' published answers about this business, loaded after the guide (shown only when there are some). */
function GuideFaq({ id }: { id: string }) {
  const faq = useRemote(() => guideApi.faq(id), `faq:${id}`);
  const entries = faq.data?.entries ?? [];
  if (entries.length === 0) return null;
  return (
    <Section title="常见问答" id="faq">
      {entries.slice(0, FAQ_SHOWN).map((e) => (
        <View key={e.id} className="guide__faq" data-faq={e.id}>
          <Text className="guide__faq-q">问：{e.question}</Text>
          <Text className="guide__text">答：{e.answer}</Text>
        </View>
      ))}
    </Section>
  );
}

function GuideBody({ guide }: { guide: GuideDetailView }) {
  const limit = formatTimeLimit(guide.timeLimit);
  // The online business (issue 15) that follows this guide, named by the guide function.
  const onlineKind = guide.businessKind;
  return (
    <>
      <View className="guide__head">
        <Text className="guide__category">{guide.category.name}</Text>
        <Text className="guide__title" {...heading(1)}>
          {guide.title}
        </Text>
        <Text className="guide__summary">{guide.summary}</Text>
        <GuideFlags crossProvince={guide.crossProvince} online={guide.online} bookable={guide.bookable} />
      </View>

      {guide.crossProvince && guide.crossProvinceNote && (
        <Section title="跨省通办说明">
          <Text className="guide__text">{guide.crossProvinceNote}</Text>
        </Section>
      )}

      <Section title="适用对象">
        <Text className="guide__text">{guide.audience}</Text>
      </Section>

      {guide.conditions.length > 0 && (
        <Section title="办理条件">
          {guide.conditions.map((c, i) => (
            <Text key={i} className="guide__bullet">
              {c}
            </Text>
          ))}
        </Section>
      )}

      <Section title="申请材料" id="materials">
        {guide.materials.map((m, i) => (
          <View key={i} className="guide__material" data-material={m.name}>
            <View className="guide__material-head">
              <Text className="guide__material-name">
                {i + 1}. {m.name}
              </Text>
              <Text className={`guide__need ${m.required ? '' : 'guide__need--optional'}`}>{m.required ? '必需' : '视情况'}</Text>
            </View>
            <Text className="guide__material-copies">{formatCopies(m)}</Text>
            {m.note && <Text className="guide__note">{m.note}</Text>}
          </View>
        ))}
      </Section>

      <Section title="办理流程">
        {guide.steps.map((s, i) => (
          <View key={i} className="guide__step">
            <Text className="guide__step-no">{i + 1}</Text>
            <View className="guide__step-body">
              <Text className="guide__step-title">{s.title}</Text>
              <Text className="guide__note">{s.detail}</Text>
            </View>
          </View>
        ))}
      </Section>

      <Section title="收费标准">
        {guide.fees.length === 0 ? (
          <Text className="guide__text">免费</Text>
        ) : (
          guide.fees.map((f, i) => (
            <View key={i} className="guide__fee">
              <View className="guide__fee-row">
                <Text>{f.item}</Text>
                <Text className="guide__fee-amount">{formatFee(f)}</Text>
              </View>
              {f.note && <Text className="guide__note">{f.note}</Text>}
            </View>
          ))
        )}
      </Section>

      <Section title="办理时限">
        <View className="guide__fee-row">
          <Text>法定时限</Text>
          <Text>{limit.legal}</Text>
        </View>
        <View className="guide__fee-row">
          <Text>承诺时限</Text>
          <Text className="guide__fee-amount">{limit.promised}</Text>
        </View>
        {guide.timeLimit.note && <Text className="guide__note">{guide.timeLimit.note}</Text>}
      </Section>

      <Section title="办理地点" id="halls">
        <Text className="guide__text">{guide.halls.length === 0 ? '请咨询当地公安机关户政窗口。' : `以下 ${guide.halls.length} 个大厅可办理，点击查看办公时间和节假日安排。`}</Text>
      </Section>
      {guide.halls.map((h) => (
        <HallCard key={h.id} hall={h} />
      ))}

      <Section title="设立依据">
        {guide.legalBasis.map((b, i) => (
          <Text key={i} className="guide__bullet">
            {b}
          </Text>
        ))}
        <Text className="guide__reviewed">内容核对日期：{guide.reviewedOn}</Text>
      </Section>

      <GuideFaq id={guide.id} />

      <View className="guide__actions">
        {onlineKind && (
          <View
            className="guide__action"
            hoverClass="guide__action--pressed"
            data-action="apply-online"
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/packages/business/list/index?kind=${onlineKind}` })}
          >
            <Text>在线申请</Text>
          </View>
        )}
        {guide.bookable && (
          <View
            className="guide__action"
            hoverClass="guide__action--pressed"
            data-action="book"
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/packages/booking/book/index?business=${guide.id}` })}
          >
            <Text>预约办理</Text>
          </View>
        )}
        {guide.halls.length > 0 && (
          <View
            className="guide__action guide__action--plain"
            data-action="consult"
            {...tappable('link')}
            onClick={() => Taro.navigateTo({ url: `/packages/consult/ask/index?business=${guide.id}` })}
          >
            <Text>问答与咨询</Text>
          </View>
        )}
      </View>
    </>
  );
}

export default function GuideDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const guide = useRemote(() => guideApi.detail(id), id);
  const title = guide.data?.title;
  useEffect(() => {
    if (title) void Taro.setNavigationBarTitle({ title });
  }, [title]);
  return (
    <PageShell className="guide">
      <LoadState remote={guide}>{guide.data && <GuideBody guide={guide.data} />}</LoadState>
    </PageShell>
  );
}
