import { Text, View } from '@tarojs/components';
import type { BusinessView } from '../../../services/businessApi';
import './stageBar.scss';

type Progress = BusinessView['progress'];

const MARK: Record<Progress['stages'][number]['status'], (i: number) => string> = {
  done: () => '✓',
  current: (i) => String(i + 1),
  stopped: () => '!',
  ahead: (i) => String(i + 1),
};

/**
 * A business application's stages as the view gives them (core/business/stages.ts): a row of steps
 * with the day each was reached, then the current (or stopped, or last) stage in words with its
 * time, detail and deadline. `compact`: the row only, for a list.
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
              {focus.deadline.overdue ? '⚠ 已超期，' : ''}办理期限：{focus.deadline.dueText}
            </Text>
          )}
        </View>
      )}
      {!compact && progress.stopReason && progress.stopReason !== focus?.detail && <Text className="stage-bar__note">{progress.stopReason}</Text>}
    </View>
  );
}
