import { Text, View } from '@tarojs/components';
import './stageBar.scss';

/** A progress as the reissue's and the business's views give it (core/reissue/stages.ts, core/business/stages.ts). */
interface Progress {
  status: 'going' | 'finished' | 'stopped';
  stages: Array<{
    key: string;
    name: string;
    status: 'done' | 'current' | 'stopped' | 'ahead';
    atText?: string;
    detail?: string;
    deadline?: { text: string; overdue: boolean };
  }>;
  /** Said below the bar (the reissue's note). */
  note?: string;
  /** Why it stopped, said below the bar unless the stopped stage says it already. */
  stopReason?: string;
}

const MARK: Record<Progress['stages'][number]['status'], (i: number) => string> = {
  done: () => '✓',
  current: (i) => String(i + 1),
  stopped: () => '!',
  ahead: (i) => String(i + 1),
};

/**
 * An application's stages (the reissue's 受理 → 审核 → 制证 → 寄出 → 签收, a business's 提交 → 审核 →
 * …) as the view gives them: a row of steps with the day each was reached, then the current (or
 * stopped, or last) stage in words with its time, detail and deadline. `compact`: the row only,
 * for a list.
 */
export function StageBar({ progress, compact = false }: { progress: Progress; compact?: boolean }) {
  const focus = progress.stages.find((s) => s.status === 'current' || s.status === 'stopped') ?? (progress.status === 'finished' ? progress.stages.at(-1) : undefined);
  const title = progress.status === 'stopped' ? `办理停止于：${focus?.name}` : progress.status === 'finished' ? `已办结：${focus?.name}` : `当前阶段：${focus?.name}`;
  return (
    <View className={`stage-bar stage-bar--${progress.status}${compact ? ' stage-bar--compact' : ''}`} data-progress={progress.status}>
      <View className="stage-bar__row">
        {progress.stages.map((s, i) => (
          <View key={s.key} className={`stage stage--${s.status}`} data-stage={s.key} data-stage-status={s.status}>
            <View className="stage__line" />
            <Text className="stage__dot">{MARK[s.status](i)}</Text>
            <Text className="stage__name">{s.name}</Text>
            {!compact && <Text className="stage__day">{s.atText ? s.atText.slice(5, 10) : ' '}</Text>}
          </View>
        ))}
      </View>
      {!compact && focus && (
        <View className="stage-bar__focus" data-field="stageFocus" data-stage={focus.key}>
          <Text className="stage-bar__title">{title}</Text>
          {focus.atText && <Text className="stage-bar__line">{focus.atText}</Text>}
          {focus.detail && (
            <Text className="stage-bar__line stage-bar__detail" data-field="stageDetail">
              {focus.detail}
            </Text>
          )}
          {focus.deadline && (
            <Text
              className={`stage-bar__line ${focus.deadline.overdue ? 'deadline--overdue' : ''}`}
              data-field="stageDeadline"
              data-overdue={focus.deadline.overdue ? 'yes' : 'no'}
            >
              {focus.deadline.overdue ? '⚠ 已超期，' : ''}
              {focus.deadline.text}
            </Text>
          )}
        </View>
      )}
      {!compact && progress.note && <Text className="stage-bar__note">{progress.note}</Text>}
      {!compact && progress.stopReason && progress.stopReason !== focus?.detail && <Text className="stage-bar__note">{progress.stopReason}</Text>}
    </View>
  );
}
